package lib.micronaut;

import io.micronaut.data.annotation.MappedEntity;

@MappedEntity
public class Draft {

    private String id;

    private String readerEmail;
}
