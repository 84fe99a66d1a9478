package io.mutuality.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Who a cohort's participants can reach during and between its days, and how. */
@Embeddable
public class SupportContact {

    @Column(name = "support_name", length = 120)
    private String name;

    @Column(name = "support_phone", length = 40)
    private String phone;

    @Column(name = "support_email", length = 320)
    private String email;

    @Column(name = "support_note", length = 300)
    private String note;

    protected SupportContact() {}

    SupportContact(String name, String phone, String email, String note) {
        this.name = name;
        this.phone = phone;
        this.email = email;
        this.note = note;
    }

    public String getName() {
        return name;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getNote() {
        return note;
    }
}
