package org.corridor.me;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.corridor.security.Caller;

@RestController
@RequestMapping("/api/me")
class MeController {

    private final MyAccount account;

    MeController(MyAccount account) {
        this.account = account;
    }

    @GetMapping
    MyAccount.WhoAmI me(Caller caller) {
        return account.me(caller);
    }

    /**
     * The classes the student may leave now, each with the teacher the request would go
     * to.
     */
    @GetMapping("/departing-from")
    List<MyAccount.DepartingFromView> departingFrom(Caller caller) {
        return account.departingFrom(caller);
    }

}
