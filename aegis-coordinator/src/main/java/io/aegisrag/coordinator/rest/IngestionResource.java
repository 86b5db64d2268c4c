package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.ingest.UploadedFile;
import io.aegisrag.coordinator.jobs.IngestionJobs;
import io.aegisrag.coordinator.jobs.JobState;
import io.aegisrag.coordinator.jobs.JobStatus;
import io.aegisrag.coordinator.security.RateLimited;
import io.aegisrag.coordinator.security.Requires;
import io.aegisrag.coordinator.security.Role;
import io.aegisrag.core.config.ConfigKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/ingestions}: bulk ingestion as background jobs. A multipart form of files (each may
 * be a zip archive), or one zip archive as the body, becomes a job ({@code 202} with its
 * {@code Location}); its status can be read, followed as Server-Sent Events, and cancelled.
 */
@Path("/api/v1/ingestions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class IngestionResource {

    @Inject
    IngestionJobs jobs;

    @Inject
    @ConfigProperty(name = ConfigKeys.CHAT_HEARTBEAT_MS, defaultValue = "5000")
    long heartbeatMs;

    @Context
    UriInfo uriInfo;

    @POST
    @RateLimited
    @Requires(Role.WRITER)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Ingest the files of a multipart form (PDF, DOCX, PPTX, HTML, Markdown, text, or zip archives of them) as a background job; "
            + "replace=true ingests again a file whose content is already stored")
    public Response submitForm(List<EntityPart> parts, @QueryParam("replace") @DefaultValue("false") String replace) {
        boolean replacing = QueryParams.bool("replace", replace);
        List<UploadedFile> files = new ArrayList<>();
        for (EntityPart part : parts) {
            if (part.getFileName().isPresent()) {
                files.addAll(jobs.unpack(part.getFileName().get(), part.getMediaType().toString(), bytes(part)));
            }
        }
        return accepted(jobs.submit(files, replacing));
    }

    @POST
    @RateLimited
    @Requires(Role.WRITER)
    @Consumes({"application/zip", "application/x-zip-compressed"})
    @Operation(summary = "Ingest the files of a zip archive sent as the body as a background job; name names the archive in errors")
    public Response submitArchive(byte[] archive, @QueryParam("name") @DefaultValue("upload.zip") String name,
                                  @QueryParam("replace") @DefaultValue("false") String replace) {
        boolean replacing = QueryParams.bool("replace", replace);
        return accepted(jobs.submit(jobs.unpack(name.toLowerCase(Locale.ROOT).endsWith(".zip") ? name : name + ".zip", "application/zip", archive),
                replacing));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job's state, documents done, failed and left, chunks, time per stage, LLM tokens and cost, ETA and files")
    public JobStatus status(@PathParam("id") String id) {
        return jobs.status(id);
    }

    @DELETE
    @Requires(Role.WRITER)
    @Path("/{id}")
    @Operation(summary = "Cancel a job: at once when it waits, after the file it is ingesting when it runs; an ended job is left as it is")
    public JobStatus cancel(@PathParam("id") String id) {
        return jobs.cancel(id);
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "A job's progress as Server-Sent Events: progress (its status) after each file, then completed, failed or cancelled")
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        jobs.status(id);
        SseEvents events = new SseEvents(sink, sse);
        Runnable stop = jobs.listen(id, status -> {
            JobState state = JobState.valueOf(status.state().toUpperCase(Locale.ROOT));
            events.queue(state.isFinal() ? state.label() : "progress", status);
            if (state.isFinal()) {
                events.end();
            }
        });
        try {
            events.writeUntilDone(Duration.ofMillis(heartbeatMs));
        } finally {
            stop.run();
            sink.close();
        }
    }

    private Response accepted(JobStatus job) {
        return Response.accepted(job).location(uriInfo.getBaseUriBuilder().path(IngestionResource.class).path(job.jobId()).build()).build();
    }

    private static byte[] bytes(EntityPart part) {
        try (InputStream in = part.getContent()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
