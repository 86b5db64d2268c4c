package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.memory.Retention;
import io.aegisrag.coordinator.security.Requires;
import io.aegisrag.coordinator.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/v1/admin/memory/retention}: applies the memory retention policy now. */
@Path("/api/v1/admin/memory/retention")
@ApplicationScoped
public class MemoryAdminResource {

    @Inject
    Retention retention;

    @POST
    @Requires(Role.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply the memory retention policy now; answers how many facts it removed")
    public Retention.Run retain() {
        return retention.run();
    }
}
