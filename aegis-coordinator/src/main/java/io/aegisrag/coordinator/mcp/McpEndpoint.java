package io.aegisrag.coordinator.mcp;

import io.aegisrag.coordinator.rest.ProblemResponder;
import io.aegisrag.coordinator.security.Authenticator;
import io.aegisrag.coordinator.security.CurrentCaller;
import io.aegisrag.coordinator.security.RateLimits;
import io.aegisrag.observability.metrics.AegisMetrics;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;


/**
 * Starts the MCP server at {@code /mcp} with the web application: the MCP Java SDK's stateless
 * Streamable HTTP transport as a servlet, behind {@link McpAccessFilter}, serving {@link McpTools}.
 * The tools run on the request's thread, so they see its {@link CurrentCaller}.
 */
@WebListener
public class McpEndpoint implements ServletContextListener {

    static final String PATH = "/mcp";
    private static final String SERVLET = "mcp";

    @Inject
    McpTools tools;

    @Inject
    Authenticator authenticator;

    @Inject
    CurrentCaller caller;

    @Inject
    RateLimits limits;

    @Inject
    ProblemResponder problems;

    @Inject
    AegisMetrics metrics;

    private McpStatelessSyncServer server;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        McpJsonMapper json = McpJsonMapper.getDefault();
        HttpServletStatelessServerTransport transport = HttpServletStatelessServerTransport.builder()
                .jsonMapper(json)
                .messageEndpoint(PATH)
                .build();
        server = McpServer.sync(transport)
                .serverInfo("aegisrag", "1")
                .instructions("AegisRAG answers from a team's own documents and remembers conversations: search or ask the documents,"
                        + " add documents and memory episodes, search memory facts as of any time, and explore the knowledge graph.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .immediateExecution(true)
                .tools(tools.tools(json))
                .resources(tools.documentList())
                .resourceTemplates(tools.document())
                .build();
        ServletContext context = event.getServletContext();
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET, transport);
        servlet.addMapping(PATH);
        servlet.setAsyncSupported(true);
        context.addFilter("mcp-access", new McpAccessFilter(authenticator, caller, limits, problems, metrics))
                .addMappingForServletNames(null, false, SERVLET);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (server != null) {
            server.close();
        }
    }
}
