package lib.jakarta;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Paper {

    @Id
    private Long id;

    private String title;

    private String status;
}
