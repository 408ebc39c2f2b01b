package shop.ui;

/** Receivers declared in a base class elsewhere: only their names are known here. */
class WizardScreen extends BaseScreen {

    void texts() {
        statement.execute("Update failed for user");
        template.update("Delete from cart?");
        session.createQuery("Select a country.");
        em.createQuery("Update the shipping address from the form");
        jdbc.query("select from catalog");
        conn.prepareStatement("Insert coin");
    }
}
