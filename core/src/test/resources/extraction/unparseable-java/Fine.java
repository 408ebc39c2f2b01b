package shop.broken;

class Fine {

    void run(java.sql.Statement st) throws Exception {
        st.executeQuery("SELECT id FROM fine_table");
    }
}
