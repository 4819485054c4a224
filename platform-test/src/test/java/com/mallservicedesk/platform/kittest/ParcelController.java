package com.mallservicedesk.platform.kittest;

import com.mallservicedesk.platform.store.AggregateStore;
import com.mallservicedesk.platform.store.AggregateStores;
import com.mallservicedesk.platform.idempotency.IdempotentRequests;
import com.mallservicedesk.platform.security.PlatformUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/malls/{mallId}/parcels")
class ParcelController {

    record RegisterParcel(@NotBlank @Size(max = 20) String label, @NotBlank String sender) {
    }

    record ParcelView(String id, String mallId, String label, String registeredBy) {
    }

    private final AggregateStore<Parcel> parcels;
    private final IdempotentRequests idempotency;

    private final io.micrometer.core.instrument.MeterRegistry meters;

    ParcelController(AggregateStores stores, IdempotentRequests idempotency, io.micrometer.core.instrument.MeterRegistry meters) {
        this.parcels = stores.of(Parcel.class, "parcel");
        this.idempotency = idempotency;
        this.meters = meters;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<ParcelView> register(@PathVariable String mallId, @Valid @RequestBody RegisterParcel body, PlatformUser user,
                              @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key) {
        return idempotency.execute(mallId, "parcels", key, body, ParcelView.class, () -> {
            meters.counter("kittest.parcels.registered", "mall", mallId).increment();
            return parcels.create(Parcel.register(UUID.randomUUID().toString(), mallId, body.label()))
                    .map(saved -> new ParcelView(saved.getId(), mallId, saved.getLabel(), user.id()));
        });
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
    Mono<ParcelView> get(@PathVariable String mallId, @PathVariable String id) {
        return parcels.find(mallId, id)
                .map(parcel -> new ParcelView(parcel.getId(), parcel.getMallId(), parcel.getLabel(), null));
    }
}
