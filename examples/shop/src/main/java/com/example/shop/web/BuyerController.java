package com.example.shop.web;

import com.example.shop.domain.User;
import com.example.shop.repo.UserRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class BuyerController {

    private final UserRepository users;

    public BuyerController(UserRepository users) {
        this.users = users;
    }

    /** Announced to every customer by e-mail on the evening of May 26. */
    @GetMapping("/products/{id}/buyers")
    public List<User> buyers(@PathVariable long id) {
        return users.findBuyersOf(id);
    }
}
