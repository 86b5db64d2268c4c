package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.security.Requires;
import io.aegisrag.coordinator.security.Role;
import io.aegisrag.llm.ChatModelRouter;
import io.aegisrag.llm.cost.SpendLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** {@code GET /api/v1/admin/llm/costs}: the month so far, per provider of the chain and per model, against each budget. */
@Path("/api/v1/admin/llm/costs")
@ApplicationScoped
public class LlmCostResource {

    /** The month (UTC, {@code 2026-11}) and each provider's spend. */
    public record Costs(String month, List<SpendLedger.ProviderSpend> providers) {
    }

    @Inject
    SpendLedger ledger;

    @Inject
    ChatModelRouter models;

    @GET
    @Requires(Role.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Month-to-date LLM spend per provider and model, the budget and what remains of it")
    public Costs costs() {
        List<String> providers = models.providers().stream().map(provider -> provider.model().provider()).toList();
        return new Costs(ledger.month().toString(), ledger.report(providers));
    }
}
