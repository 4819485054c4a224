package com.mallservicedesk.console.session;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the sign-in page offers; public, since it is shown before anyone is signed in. */
@RestController
class SignInOptionsController {

    private final ObjectProvider<SignInMethod> methods;

    SignInOptionsController(ObjectProvider<SignInMethod> methods) {
        this.methods = methods;
    }

    @GetMapping("/console/sign-in-options")
    Map<String, Object> options() {
        return Map.of("methods", methods.orderedStream()
                .map(method -> Map.of("kind", method.kind(), "details", method.details())).toList());
    }
}
