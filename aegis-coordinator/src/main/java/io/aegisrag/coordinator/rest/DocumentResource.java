package io.aegisrag.coordinator.rest;

import io.aegisrag.coordinator.ingest.DocumentRequest;
import io.aegisrag.coordinator.ingest.FileIngestion;
import io.aegisrag.coordinator.ingest.IngestionResult;
import io.aegisrag.coordinator.ingest.IngestionService;
import io.aegisrag.coordinator.ingest.UploadedFile;
import io.aegisrag.coordinator.security.RateLimited;
import io.aegisrag.coordinator.security.Requires;
import io.aegisrag.coordinator.security.Role;
import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.DocumentSummary;
import io.aegisrag.core.document.Page;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/documents}: ingest (JSON, Markdown, plain text, or a PDF, Word, PowerPoint or HTML file), list, read, delete. */
@Path("/api/v1/documents")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    /** A document as listed. */
    public record DocumentItem(String documentId, String title, String source, int chunks, Instant createdAt) {
    }

    /** One page of documents. */
    public record DocumentList(List<DocumentItem> items, long total, int offset, int limit) {
    }

    /** A document as read back. */
    public record DocumentView(String documentId, String title, String source, String text,
                               Map<String, String> metadata, Instant createdAt) {
    }

    /** A chunk as indexed: its text without the contextual header, the heading path it sits under, its page (0 without pages). */
    public record ChunkItem(String id, int position, String section, int page, String text) {
    }

    /** One page of a document's chunks, in their order. */
    public record ChunkList(String documentId, List<ChunkItem> items, long total, int offset, int limit) {
    }

    private static final int MAX_PAGE = 100;

    @Inject
    IngestionService documents;

    @Inject
    FileIngestion files;

    @Inject
    RequestValidator validator;

    @Context
    UriInfo uriInfo;

    @POST
    @RateLimited
    @Requires(Role.WRITER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest a document given as JSON")
    @RequestBody(content = @Content(schema = @Schema(implementation = DocumentRequest.class)))
    public Response ingest(String body) {
        JsonFields fields = JsonFields.parse(body);
        return created(documents.ingest(validator.valid(new DocumentRequest(fields.string("title"), fields.string("source"),
                fields.string("text"), fields.strings("metadata")))));
    }

    @POST
    @RateLimited
    @Requires(Role.WRITER)
    @Consumes({"text/markdown", MediaType.TEXT_PLAIN})
    @Operation(summary = "Ingest a Markdown or plain-text document; title and source as query parameters")
    public Response ingestText(String text, @QueryParam("title") String title, @QueryParam("source") String source) {
        return created(documents.ingest(validator.valid(new DocumentRequest(title, source, text, null))));
    }

    @POST
    @RateLimited
    @Requires(Role.WRITER)
    @Consumes({"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML,
            MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Ingest a PDF, Word (DOCX), PowerPoint (PPTX) or HTML file, its type detected from its content; "
            + "source (the file name) and title (else the file's own title, else its name) as query parameters")
    public Response ingestFile(byte[] content, @QueryParam("source") String source, @QueryParam("title") String title) {
        return created(files.ingest(new UploadedFile(source, content), title, source, DocumentId.random()));
    }

    @GET
    @Operation(summary = "List documents, newest first")
    public DocumentList list(@QueryParam("offset") @DefaultValue("0") String offset,
                             @QueryParam("limit") @DefaultValue("20") String limit) {
        Page<DocumentSummary> page = documents.list(QueryParams.integer("offset", offset, 0, Integer.MAX_VALUE - MAX_PAGE),
                QueryParams.integer("limit", limit, 1, MAX_PAGE));
        return new DocumentList(page.items().stream()
                .map(d -> new DocumentItem(d.id().value(), d.title(), d.source(), d.chunks(), d.createdAt()))
                .toList(), page.total(), page.offset(), page.limit());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one document")
    public DocumentView get(@PathParam("id") String id) {
        Document d = documents.get(id);
        return new DocumentView(d.id().value(), d.title(), d.source(), d.text(), d.metadata(), d.createdAt());
    }

    @GET
    @Path("/{id}/chunks")
    @Operation(summary = "Read a document's chunks as they are indexed: id, section, page and text, in their order")
    public ChunkList chunks(@PathParam("id") String id, @QueryParam("offset") @DefaultValue("0") String offset,
                            @QueryParam("limit") @DefaultValue("20") String limit) {
        Page<Chunk> page = documents.chunks(id, QueryParams.integer("offset", offset, 0, Integer.MAX_VALUE - MAX_PAGE),
                QueryParams.integer("limit", limit, 1, MAX_PAGE));
        return new ChunkList(id, page.items().stream().map(c -> new ChunkItem(c.id(), c.position(), c.section(), c.page(), c.text())).toList(),
                page.total(), page.offset(), page.limit());
    }

    @DELETE
    @Requires(Role.WRITER)
    @Path("/{id}")
    @Operation(summary = "Delete a document with its chunks, vectors and graph mentions")
    public Response delete(@PathParam("id") String id) {
        documents.delete(id);
        return Response.noContent().build();
    }

    private Response created(IngestionResult result) {
        return Response.created(uriInfo.getAbsolutePathBuilder().path(result.documentId()).build())
                .entity(result)
                .build();
    }
}
