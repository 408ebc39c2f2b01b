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
