package io.mutuality.identity;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Sends invitation emails. A mail server that is down or unreachable does not undo the
 * invitation: the failure is logged at WARN and reported, so the admin can pass the link on
 * another way.
 */
@ApplicationScoped
public class InvitationMails {

    private static final Logger LOG = Logger.getLogger(InvitationMails.class);

    @Inject
    Mailer mailer;

    /** True when the mail server took the email. */
    boolean send(String to, String subject, String text) {
        try {
            mailer.send(Mail.withText(to, subject, text));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(
                    e,
                    "An invitation email could not be sent; the invitation stands and its link is shown to the admin");
            return false;
        }
    }
}
