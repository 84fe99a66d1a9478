package io.mutuality.registration;

import io.mutuality.common.ProblemException;
import io.mutuality.common.Secrets;
import io.mutuality.curriculum.CourseCatalogue;
import io.mutuality.registration.RegistrationApi.MyRegistration;
import io.mutuality.registration.RegistrationApi.PoolView;
import io.mutuality.registration.RegistrationApi.PublicCohort;
import io.mutuality.registration.RegistrationApi.PublicDay;
import io.mutuality.registration.RegistrationApi.PublicPool;
import io.mutuality.registration.RegistrationApi.RegisterRequest;
import io.mutuality.registration.RegistrationApi.Registered;
import io.mutuality.registration.RegistrationApi.RegistrationView;
import io.mutuality.registration.RegistrationApi.Roster;
import io.mutuality.scheduling.Cohort;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.CohortStatus;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Registration for cohorts: seats in pools, waitlists in order, offers of freed seats that pass
 * to the next person when they lapse. Everything that hands out a seat first locks the cohort
 * ({@link SchedulingService#lock}), so seats are never given twice, whatever arrives at once.
 */
@ApplicationScoped
public class RegistrationService {

    private static final Logger LOG = Logger.getLogger(RegistrationService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Inject
    SchedulingService scheduling;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    RegistrationMails mails;

    @Inject
    Clock clock;

    @Inject
    io.mutuality.identity.PlatformSecrets secrets;

    /**
     * A registration's own link: its id and an HMAC of it under a platform key. Nothing secret is
     * stored (only the link's hash, to find it), and every email can carry the same link again.
     */
    String link(UUID registrationId) {
        return registrationId + "." + secrets.sign("registration-links", "registration|" + registrationId);
    }

    /** The outcome of answering an offer. */
    public enum Answer {
        TAKEN, DECLINED, LAPSED
    }

    // ------------------------------------------------------------------ seating

    Seating seating(Cohort cohort) {
        Seating seating = Seating.findById(cohort.getId());
        if (seating == null) {
            seating = Seating.standard(cohort.getId(), cohort.getCapacity());
            seating.persist();
        }
        return seating;
    }

    /** Re-arranges a cohort's pools and offer time; seats freed by it are offered at once. */
    @Transactional
    public Roster arrange(OrganisationId organisation, CohortId cohortId, RegistrationApi.SeatingRequest request) {
        Cohort cohort = lockedOf(organisation, cohortId);
        Seating seating = seating(cohort);
        List<Seating.Pool> pools = request.pools().stream()
                .map(p -> new Seating.Pool(p.code(), p.name(), p.seats(), !Boolean.FALSE.equals(p.openToPublic()))).toList();
        List<String> inUse = Registration.<Registration>list("cohortId = ?1", cohort.getId()).stream()
                .filter(r -> r.status.active()).map(r -> r.pool).distinct().toList();
        for (String code : inUse) {
            if (pools.stream().noneMatch(p -> p.code().equals(code))) {
                throw ProblemException.rule("pools", "People are registered in the pool '" + code + "'; keep it.");
            }
        }
        seating.arrange(pools, request.offerHours(), cohort.getCapacity());
        Instant now = clock.instant();
        for (Seating.Pool pool : seating.pools()) {
            offerFreedSeats(cohort, seating, pool, now);
        }
        updateFull(cohort, seating);
        return roster(cohort, seating);
    }

    // ------------------------------------------------------------------ registering

    /**
     * Someone registers on the public page: a seat if their pool has one, else the pool's
     * waitlist. An email already registered for the cohort is not refused here (a refusal would
     * tell a stranger that the email is registered): its owner is emailed their own link again,
     * and the public answer is the same as for anyone else.
     */
    @Transactional
    public Registered register(CohortId cohortId, RegisterRequest request) {
        Cohort cohort = scheduling.lock(cohortId).filter(c -> c.getStatus() != CohortStatus.DRAFT)
                .orElseThrow(() -> ProblemException.notFound("cohort open for registration"));
        Instant now = clock.instant();
        requireOpen(cohort, now);
        Seating seating = seating(cohort);
        String poolCode = request.pool() == null || request.pool().isBlank() ? defaultPool(seating) : request.pool();
        Seating.Pool pool = seating.pool(poolCode).filter(Seating.Pool::openToPublic)
                .orElseThrow(() -> ProblemException.rule("pool", "There is no pool '" + poolCode + "' to register in."));
        return place(cohort, seating, pool, request, now, true);
    }

    /** An organisation admin adds someone, in any pool (their own staff's seats, for example). */
    @Transactional
    public Registered add(OrganisationId organisation, CohortId cohortId, RegisterRequest request) {
        Cohort cohort = lockedOf(organisation, cohortId);
        if (cohort.getStatus() == CohortStatus.CANCELLED || cohort.getStatus() == CohortStatus.COMPLETED) {
            throw ProblemException.conflict("This cohort is " + cohort.getStatus().name().toLowerCase(Locale.ROOT) + ".");
        }
        Seating seating = seating(cohort);
        String poolCode = request.pool() == null || request.pool().isBlank() ? defaultPool(seating) : request.pool();
        Seating.Pool pool = seating.pool(poolCode)
                .orElseThrow(() -> ProblemException.rule("pool", "There is no pool '" + poolCode + "' in this cohort."));
        return place(cohort, seating, pool, request, clock.instant(), false);
    }

    private static String defaultPool(Seating seating) {
        return seating.pools().stream().filter(Seating.Pool::openToPublic).findFirst().map(Seating.Pool::code)
                .orElseThrow(() -> ProblemException.conflict("This cohort has no seats open to the public."));
    }

    @Inject
    CompletionService completions;

    /** Advanced and Train-the-Trainer need a completed Core: a certificate code, or a certificate here for the same email. */
    private void requirePrerequisites(Cohort cohort, RegisterRequest request) {
        List<String> needed = catalogue.course(cohort.getCourseId()).map(c -> c.prerequisites()).orElse(List.of());
        for (String course : needed) {
            if (!completions.completed(course, Registration.emailKey(request.email()), request.certificateCode())) {
                String title = catalogue.course(course).map(c -> c.title()).orElse(course);
                throw ProblemException.rule("certificateCode", request.certificateCode() == null || request.certificateCode().isBlank()
                        ? "This course is for people who have completed " + title + ". Give the code on your certificate, "
                                + "or register with the email you used then."
                        : "That code is not a standing certificate for " + title + ". Check it, or ask the organisers.");
            }
        }
    }

    private Registered place(Cohort cohort, Seating seating, Seating.Pool pool, RegisterRequest request, Instant now,
            boolean publicly) {
        requirePrerequisites(cohort, request);
        String key = Registration.emailKey(request.email());
        Registration earlier = Registration.<Registration>find("cohortId = ?1 and emailKey = ?2", cohort.getId(), key)
                .firstResult();
        if (earlier != null && earlier.status.active() && publicly) {
            // only the person who owns the email learns that it is registered, from the email
            String token = link(earlier.id);
            mails.alreadyRegistered(earlier.email, earlier.name, cohort.getTitle(), token);
            return new Registered(earlier.status, waitlistPlace(earlier), token);
        }
        if (earlier != null && earlier.status.active()) {
            throw ProblemException.conflict("Someone is already registered for this cohort with " + request.email().strip()
                    + ". If that is you, the email we sent has your own link to check or change it.");
        }
        Registration registration;
        if (earlier != null) {
            registration = earlier;
            registration.renew(pool.code(), request.name(), request.accessNeeds(), request.dietaryNeeds(), now);
        } else {
            UUID id = UUID.randomUUID();
            registration = Registration.of(id, cohort.getOrganisationId(), cohort.getId(), pool.code(), request.name(),
                    request.email(), request.accessNeeds(), request.dietaryNeeds(), Secrets.hash(link(id)), now);
        }
        String token = link(registration.id);
        boolean someoneWaiting = Registration.count("cohortId = ?1 and pool = ?2 and status = ?3", cohort.getId(), pool.code(),
                RegistrationStatus.WAITLISTED) > 0;
        if (!someoneWaiting && taken(cohort, pool) < pool.seats()) {
            registration.confirm(now);
        } else {
            registration.waitlist(nextPosition(cohort), now);
        }
        if (earlier == null) {
            registration.persist();
        }
        Registration.flush();
        updateFull(cohort, seating);
        Integer place = waitlistPlace(registration);
        if (registration.status == RegistrationStatus.CONFIRMED) {
            mails.confirmed(registration.email, registration.name, cohort.getTitle(), token);
        } else {
            mails.waitlisted(registration.email, registration.name, cohort.getTitle(), place, token);
        }
        return new Registered(registration.status, place, token);
    }

    private void requireOpen(Cohort cohort, Instant now) {
        if (!cohort.takesRegistrations()) {
            throw ProblemException.conflict("Registration for this cohort is closed.");
        }
        LocalDate today = now.atZone(cohort.zone()).toLocalDate();
        if (cohort.getRegistrationOpens() != null && today.isBefore(cohort.getRegistrationOpens())) {
            throw ProblemException.conflict("Registration opens on " + DAY.format(cohort.getRegistrationOpens()) + ".");
        }
        if (cohort.getRegistrationCloses() != null && today.isAfter(cohort.getRegistrationCloses())) {
            throw ProblemException.conflict("Registration closed on " + DAY.format(cohort.getRegistrationCloses()) + ".");
        }
        if (!today.isBefore(cohort.firstDay())) {
            throw ProblemException.conflict("Registration closed when the training began.");
        }
    }

    private static long taken(Cohort cohort, Seating.Pool pool) {
        return Registration.count("cohortId = ?1 and pool = ?2 and status in ?3", cohort.getId(), pool.code(),
                List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED));
    }

    private static long nextPosition(Cohort cohort) {
        Long max = Registration.find("select max(r.waitlistPosition) from Registration r where r.cohortId = ?1", cohort.getId())
                .project(Long.class).firstResult();
        return (max == null ? 0 : max) + 1;
    }

    /** 1 for the first person waiting in their pool; null for anyone not waiting. */
    private static Integer waitlistPlace(Registration registration) {
        if (registration.status != RegistrationStatus.WAITLISTED) {
            return null;
        }
        return (int) Registration.count("cohortId = ?1 and pool = ?2 and status = ?3 and waitlistPosition <= ?4",
                registration.cohortId, registration.pool, RegistrationStatus.WAITLISTED, registration.waitlistPosition);
    }

    /** While the pool has a free seat and someone is waiting for one, the first of them is offered it. */
    private void offerFreedSeats(Cohort cohort, Seating seating, Seating.Pool pool, Instant now) {
        while (taken(cohort, pool) < pool.seats()) {
            Registration next = Registration.<Registration>find("cohortId = ?1 and pool = ?2 and status = ?3 order by waitlistPosition",
                    cohort.getId(), pool.code(), RegistrationStatus.WAITLISTED).firstResult();
            if (next == null) {
                return;
            }
            next.offer(seating.offerLasts(), now);
            Registration.flush();
            mails.offered(next.email, next.name, cohort.getTitle(), next.offerExpiresAt, cohort.zone(), link(next.id));
        }
    }

    private void updateFull(Cohort cohort, Seating seating) {
        boolean full = seating.pools().stream().filter(Seating.Pool::openToPublic)
                .allMatch(pool -> taken(cohort, pool) >= pool.seats());
        cohort.seatsFilled(full);
    }

    @Inject
    jakarta.validation.Validator validator;

    /**
     * Imports people from CSV. A dry run changes nothing and tells, line by line, what would
     * happen; a real run registers the good lines (sending their emails) and skips the rest,
     * reporting each. Either way every bad line is listed with what is wrong with it.
     */
    @Transactional
    public RegistrationApi.ImportReport importCsv(OrganisationId organisation, CohortId cohortId, String csv, boolean dryRun) {
        Cohort cohort = lockedOf(organisation, cohortId);
        if (cohort.getStatus() == CohortStatus.CANCELLED || cohort.getStatus() == CohortStatus.COMPLETED) {
            throw ProblemException.conflict("This cohort is " + cohort.getStatus().name().toLowerCase(Locale.ROOT) + ".");
        }
        Seating seating = seating(cohort);
        List<RosterCsv.Row> rows = RosterCsv.read(csv, validator);
        java.util.Map<String, Long> free = new java.util.HashMap<>();
        java.util.Set<String> waiting = new java.util.HashSet<>();
        for (Seating.Pool pool : seating.pools()) {
            free.put(pool.code(), pool.seats() - taken(cohort, pool));
            if (Registration.count("cohortId = ?1 and pool = ?2 and status = ?3", cohort.getId(), pool.code(),
                    RegistrationStatus.WAITLISTED) > 0) {
                waiting.add(pool.code());
            }
        }
        Instant now = clock.instant();
        List<RegistrationApi.ImportRow> report = new ArrayList<>();
        int confirmed = 0;
        int waitlisted = 0;
        int already = 0;
        int errors = 0;
        for (RosterCsv.Row row : rows) {
            RegisterRequest request = row.request();
            List<String> problems = new ArrayList<>(row.problems());
            String poolCode = request.pool() == null ? seating.pools().get(0).code() : request.pool();
            Optional<Seating.Pool> pool = seating.pool(poolCode);
            if (pool.isEmpty()) {
                problems.add("pool: there is no pool '" + poolCode + "' in this cohort.");
            }
            String outcome;
            if (!problems.isEmpty()) {
                outcome = "error";
                errors++;
            } else if (Registration.count("cohortId = ?1 and emailKey = ?2 and status in ?3", cohort.getId(),
                    Registration.emailKey(request.email()), List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED,
                            RegistrationStatus.WAITLISTED)) > 0) {
                outcome = "already-registered";
                already++;
            } else {
                boolean seat = free.get(poolCode) > 0 && !waiting.contains(poolCode);
                if (seat) {
                    free.merge(poolCode, -1L, Long::sum);
                    confirmed++;
                } else {
                    waiting.add(poolCode);
                    waitlisted++;
                }
                outcome = seat ? "confirmed" : "waitlisted";
                if (!dryRun) {
                    place(cohort, seating, pool.get(), new RegisterRequest(request.name(), request.email(), poolCode,
                            request.accessNeeds(), request.dietaryNeeds()), now, false);
                }
            }
            report.add(new RegistrationApi.ImportRow(row.line(), request.name(), request.email(), poolCode, outcome, problems));
        }
        return new RegistrationApi.ImportReport(dryRun, confirmed, waitlisted, already, errors, report);
    }

    /** The roster as CSV. */
    @Transactional
    public String rosterCsv(OrganisationId organisation, CohortId cohortId) {
        return RosterCsv.export(roster(organisation, cohortId));
    }

    // ------------------------------------------------------------------ changes by the person or the organisation

    /** The person cancels by their own link; a seat they held is offered to the next person waiting. */
    @Transactional
    public void cancel(String token) {
        Registration registration = byToken(token);
        Cohort cohort = scheduling.lock(new CohortId(registration.cohortId)).orElseThrow();
        cancel(cohort, registration);
    }

    /** An organisation admin cancels someone's registration. */
    @Transactional
    public void cancel(OrganisationId organisation, CohortId cohortId, UUID registrationId) {
        Cohort cohort = lockedOf(organisation, cohortId);
        Registration registration = Registration.<Registration>findByIdOptional(registrationId)
                .filter(r -> r.cohortId.equals(cohort.getId()))
                .orElseThrow(() -> ProblemException.notFound("registration"));
        cancel(cohort, registration);
    }

    private void cancel(Cohort cohort, Registration registration) {
        boolean heldSeat = registration.status.holdsSeat();
        Instant now = clock.instant();
        registration.cancel(now);
        Registration.flush();
        Seating seating = seating(cohort);
        if (heldSeat) {
            seating.pool(registration.pool).ifPresent(pool -> offerFreedSeats(cohort, seating, pool, now));
        }
        updateFull(cohort, seating);
        mails.cancelled(registration.email, registration.name, cohort.getTitle());
    }

    /** A cancelled cohort: every active registration ends, and each person is told why. */
    void cohortCancelled(@jakarta.enterprise.event.Observes SchedulingService.CohortCancelled event) {
        Instant now = clock.instant();
        for (Registration registration : Registration.<Registration>list("cohortId = ?1", event.cohortId())) {
            if (registration.status.active()) {
                registration.cancel(now);
                mails.cohortCancelled(registration.email, registration.name, event.title(), event.reason());
            }
        }
    }

    /** The person answers an offered seat by their own link. */
    @Transactional
    public Answer answer(String token, boolean take) {
        Registration registration = byToken(token);
        Cohort cohort = scheduling.lock(new CohortId(registration.cohortId)).orElseThrow();
        Instant now = clock.instant();
        Seating seating = seating(cohort);
        if (registration.expireIfDue(now)) {
            Registration.flush();
            seating.pool(registration.pool).ifPresent(pool -> offerFreedSeats(cohort, seating, pool, now));
            mails.offerLapsed(registration.email, registration.name, cohort.getTitle());
            return Answer.LAPSED;
        }
        if (take) {
            registration.accept(now);
            return Answer.TAKEN;
        }
        registration.decline(now);
        Registration.flush();
        seating.pool(registration.pool).ifPresent(pool -> offerFreedSeats(cohort, seating, pool, now));
        updateFull(cohort, seating);
        return Answer.DECLINED;
    }

    /** The offer sweep's name among the jobs that run on one node at a time. */
    static final String OFFER_SWEEP = "offer-sweep";

    @Inject
    io.mutuality.cluster.ClusterOnce clusterOnce;

    /**
     * Lapses every offer past its time and offers the seats on, on one node at a time. Each
     * cohort's offers are lapsed under the cohort's lock, re-read once it is held, so a seat is
     * passed on once even by sweeps that overlap.
     */
    @Scheduled(every = "${mutuality.registration.offer-sweep:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepOffers() {
        clusterOnce.run(OFFER_SWEEP, () -> lapseOffers(clock.instant()));
    }

    /** Lapses offers due at {@code now}; returns how many lapsed. */
    public int lapseOffers(Instant now) {
        List<UUID> cohorts = QuarkusTransaction.requiringNew().call(() -> Registration.find(
                        "select distinct r.cohortId from Registration r where r.status = ?1 and r.offerExpiresAt <= ?2",
                        RegistrationStatus.OFFERED, now).project(UUID.class).list());
        int lapsed = 0;
        for (UUID cohortId : cohorts) {
            try {
                lapsed += QuarkusTransaction.requiringNew().call(() -> lapseOffers(new CohortId(cohortId), now));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Offers for cohort %s could not be passed on; the next sweep tries again", cohortId);
            }
        }
        return lapsed;
    }

    /** Lapses one cohort's offers due at {@code now}, as the sweep would; returns how many lapsed. */
    @Transactional
    public int lapseOffers(CohortId cohortId, Instant now) {
        Cohort cohort = scheduling.lock(cohortId).orElseThrow();
        Seating seating = seating(cohort);
        int lapsed = 0;
        for (Registration registration : Registration.<Registration>list("cohortId = ?1 and status = ?2", cohort.getId(),
                RegistrationStatus.OFFERED)) {
            if (registration.expireIfDue(now)) {
                lapsed++;
                mails.offerLapsed(registration.email, registration.name, cohort.getTitle());
            }
        }
        Registration.flush();
        for (Seating.Pool pool : seating.pools()) {
            offerFreedSeats(cohort, seating, pool, now);
        }
        updateFull(cohort, seating);
        return lapsed;
    }

    // ------------------------------------------------------------------ views

    private Cohort lockedOf(OrganisationId organisation, CohortId cohortId) {
        return scheduling.lock(cohortId).filter(c -> c.belongsTo(organisation))
                .orElseThrow(() -> ProblemException.notFound("cohort"));
    }

    /** The registration behind a person's own link. */
    @Transactional
    public Registration byLink(String token) {
        return byToken(token);
    }

    private static Registration byToken(String token) {
        if (token == null || token.length() > 100) {
            throw ProblemException.notFound("registration");
        }
        return Registration.<Registration>find("manageTokenHash", Secrets.hash(token)).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("registration"));
    }

    @Transactional
    public Roster roster(OrganisationId organisation, CohortId cohortId) {
        Cohort cohort = scheduling.cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        return roster(cohort, Optional.ofNullable(Seating.<Seating>findById(cohort.getId()))
                .orElseGet(() -> Seating.standard(cohort.getId(), cohort.getCapacity())));
    }

    private Roster roster(Cohort cohort, Seating seating) {
        List<Registration> all = Registration.list("cohortId = ?1", cohort.getId());
        List<PoolView> pools = new ArrayList<>();
        for (Seating.Pool pool : seating.pools()) {
            int taken = (int) all.stream().filter(r -> r.pool.equals(pool.code()) && r.status.holdsSeat()).count();
            int waiting = (int) all.stream().filter(r -> r.pool.equals(pool.code()) && r.status == RegistrationStatus.WAITLISTED).count();
            pools.add(new PoolView(pool.code(), pool.name(), pool.seats(), pool.openToPublic(), taken, waiting));
        }
        List<RegistrationView> confirmed = new ArrayList<>();
        List<RegistrationView> offered = new ArrayList<>();
        List<RegistrationView> waitlist = new ArrayList<>();
        List<RegistrationView> ended = new ArrayList<>();
        all.sort(Comparator.comparing((Registration r) -> r.waitlistPosition == null ? Long.MAX_VALUE : r.waitlistPosition)
                .thenComparing(r -> r.createdAt));
        for (Registration r : all) {
            Integer place = null;
            if (r.status == RegistrationStatus.WAITLISTED) {
                place = (int) all.stream().filter(o -> o.pool.equals(r.pool) && o.status == RegistrationStatus.WAITLISTED
                        && o.waitlistPosition <= r.waitlistPosition).count();
            }
            RegistrationView view = new RegistrationView(r.id, r.name, r.email, r.pool, r.status, place, r.offerExpiresAt,
                    r.accessNeeds, r.dietaryNeeds, r.createdAt);
            switch (r.status) {
                case CONFIRMED -> confirmed.add(view);
                case OFFERED -> offered.add(view);
                case WAITLISTED -> waitlist.add(view);
                default -> ended.add(view);
            }
        }
        return new Roster(seating.offerHours(), pools, confirmed, offered, waitlist, ended);
    }

    @Transactional
    public PublicCohort publicCohort(CohortId cohortId) {
        Cohort cohort = scheduling.published(cohortId).orElseThrow(() -> ProblemException.notFound("cohort open for registration"));
        Seating seating = Optional.ofNullable(Seating.<Seating>findById(cohort.getId()))
                .orElseGet(() -> Seating.standard(cohort.getId(), cohort.getCapacity()));
        List<PublicPool> pools = new ArrayList<>();
        for (Seating.Pool pool : seating.pools()) {
            if (pool.openToPublic()) {
                int waiting = (int) Registration.count("cohortId = ?1 and pool = ?2 and status = ?3", cohort.getId(), pool.code(),
                        RegistrationStatus.WAITLISTED);
                pools.add(new PublicPool(pool.code(), pool.name(), (int) Math.max(0, pool.seats() - taken(cohort, pool)), waiting));
            }
        }
        String state;
        try {
            requireOpen(cohort, clock.instant());
            state = pools.stream().anyMatch(p -> p.seatsLeft() > 0 && p.waiting() == 0) ? "open" : "waitlist";
        } catch (ProblemException closed) {
            state = cohort.getRegistrationOpens() != null
                    && clock.instant().atZone(cohort.zone()).toLocalDate().isBefore(cohort.getRegistrationOpens())
                    && cohort.takesRegistrations() ? "not-yet" : "closed";
        }
        String organisationName = scheduling.organisation(new OrganisationId(cohort.getOrganisationId()))
                .map(o -> o.getName()).orElse("");
        var course = catalogue.course(cohort.getCourseId());
        return new PublicCohort(cohort.getId(), organisationName, course.map(c -> c.title()).orElse(cohort.getCourseId()),
                cohort.getTitle(), cohort.getTimeZone(), days(cohort),
                cohort.getVenue() == null ? null : cohort.getVenue().getName(),
                cohort.getVenue() == null ? null : cohort.getVenue().getAddress(), cohort.getOnlineLink() != null,
                cohort.getRegistrationOpens(), cohort.getRegistrationCloses(), state, pools,
                course.map(c -> c.prerequisites()).orElse(List.of()));
    }

    private static List<PublicDay> days(Cohort cohort) {
        return cohort.getDays().stream().map(d -> new PublicDay(d.getDayNumber(), d.getDate(), d.getStartsAt(), d.getEndsAt())).toList();
    }

    @Transactional
    public MyRegistration mine(String token) {
        Registration registration = byToken(token);
        Cohort cohort = Cohort.findById(registration.cohortId);
        Seating seating = Optional.ofNullable(Seating.<Seating>findById(cohort.getId()))
                .orElseGet(() -> Seating.standard(cohort.getId(), cohort.getCapacity()));
        String poolName = seating.pool(registration.pool).map(Seating.Pool::name).orElse(registration.pool);
        return new MyRegistration(registration.name, cohort.getTitle(), poolName, registration.status, waitlistPlace(registration),
                registration.offerExpiresAt, days(cohort), cohort.getTimeZone());
    }
}
