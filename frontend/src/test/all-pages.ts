/**
 * Test support (not a test itself): every page's code, loaded before a test of the app shell
 * runs. The shell loads pages when they are first shown (code split by route); loading them up
 * front makes each page's element defined at once, as in a browser that has them cached.
 */
import '../shared/mut-home';
import '../cohort/mut-organisation';
import '../identity/mut-members';
import '../registration/mut-interest-demand';
import '../registration/mut-interest';
import '../cohort/mut-verify';
import '../cohort/mut-cohort';
import '../registration/mut-cohort-evaluations';
import '../registration/mut-register';
import '../registration/mut-my-registration';
import '../console/mut-facilitator';
import '../room/mut-join';
import '../room/mut-room';
import '../console/mut-present';
import '../console/mut-room-console';
import '../identity/mut-sign-in';
import '../identity/mut-account';
import '../identity/mut-invitation';
import '../curricula/mut-curricula';
import '../curricula/mut-course';
import '../curricula/mut-day-agenda';
import '../curricula/mut-day-handout';
import '../curricula/mut-module';
import '../curricula/mut-role-cards';
import '../curricula/mut-observer-sheet';
import '../curricula/mut-materials';
import '../curricula/mut-letter';
