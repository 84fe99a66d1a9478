package io.mutuality.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where an in-person cohort meets. */
@Embeddable
public class Venue {

    @Column(name = "venue_name", length = 200)
    private String name;

    @Column(name = "venue_address", length = 500)
    private String address;

    protected Venue() {}

    Venue(String name, String address) {
        this.name = name;
        this.address = address;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }
}
