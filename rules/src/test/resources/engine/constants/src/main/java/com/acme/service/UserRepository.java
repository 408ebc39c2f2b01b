package com.acme.service;

import java.util.List;
import org.springframework.data.repository.CrudRepository;

/** Derived queries need no query word in the file. */
public interface UserRepository extends CrudRepository<User, Long> {

    List<User> findByStatus(String status);
}
