package com.mallservicedesk.claims.claim;

import com.mallservicedesk.platform.privacy.ContactDisclosure;
import com.mallservicedesk.platform.security.PlatformUser;
import java.util.List;

/**
 * Phone numbers of the people in a claim file (parties, injured, third parties, witnesses) as the kit's one disclosure
 * rule lets a reader see them. A claim file records no handling department: the property's claim handler works it, not
 * a department that must call the person, so only the front desk sees the numbers in full and everyone else (claim
 * handlers, supervisors and the property manager included) sees them masked. ID numbers follow their own rule
 * ({@link ClaimView#mayReadIdNumbers}).
 */
public final class Contacts {

    /** What the claim records as the department handling it: none (see above). */
    static final String HANDLING_DEPARTMENT = null;

    private Contacts() {
    }

    /** The contact as {@code viewer} may see it. */
    public static String shown(PlatformUser viewer, String contact) {
        return ContactDisclosure.phoneFor(viewer, HANDLING_DEPARTMENT, contact);
    }

    /**
     * The contact to store when a reader sends facts back: a masked number equal to the mask of one stored for the
     * same person is that stored number (the reader only ever saw the mask); anything else is what was sent.
     */
    static String keepStored(String sent, List<String> storedForThePerson) {
        if (sent == null || !sent.contains("****")) {
            return sent;
        }
        return storedForThePerson.stream().filter(stored -> stored != null && ContactDisclosure.mask(stored).equals(sent))
                .findFirst().orElse(sent);
    }
}
