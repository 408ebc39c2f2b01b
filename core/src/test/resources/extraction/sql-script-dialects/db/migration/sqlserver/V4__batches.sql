-- SQL Server's and Sybase's scripts end each batch with GO alone on its line, not a semicolon
create table ticket_archive (
    id numeric(19,0) identity not null,
    go_live datetime null,
    primary key (id)
)
go

insert into ticket_archive (go_live) select created from tickets where closed = 1
GO

select id, go_live from ticket_archive
GO

-- T-SQL needs no terminator: generated scripts write statements one after another
UPDATE [ticket_archive] SET [go_live] = NULL WHERE [id] = 1

UPDATE [ticket_archive] SET [go_live] = NULL WHERE [id] = 2
GO

-- a procedure keeps its body whole
CREATE PROCEDURE purge_archive AS
BEGIN
    DELETE FROM ticket_archive WHERE go_live IS NULL

    UPDATE tickets SET archived = 0
END
GO

-- SSMS writes statements on consecutive lines; a statement may go on at a line's start too
ALTER TABLE [dbo].[ticket_archive] WITH CHECK ADD CONSTRAINT [fk_archive_ticket] FOREIGN KEY([id])
REFERENCES [dbo].[tickets] ([id])
ALTER TABLE [dbo].[ticket_archive] CHECK CONSTRAINT [fk_archive_ticket]
INSERT INTO ticket_archive (go_live)
SELECT created FROM tickets WHERE closed = 1
UPDATE ticket_archive
SET go_live = NULL

SET ANSI_NULLS ON
SET ANSI_PADDING ON
GO
