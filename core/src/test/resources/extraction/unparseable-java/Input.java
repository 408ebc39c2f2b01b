package shop.broken;

class Broken {

    void run(java.sql.Connection c) throws Exception {
        c.createStatement().executeQuery("SELECT id FROM broken_table";
    }
}
