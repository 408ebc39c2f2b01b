package lib.micronaut;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity
public class Member {

    @Id
    private Long id;

    private String status;
}
