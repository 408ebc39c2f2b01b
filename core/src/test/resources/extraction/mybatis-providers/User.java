package shop.users;

public class User {
    long id;
    String name;
}
