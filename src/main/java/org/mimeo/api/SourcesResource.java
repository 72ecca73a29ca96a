package org.mimeo.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.DblinkMapping;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.source.ConnInfo;
import org.mimeo.source.SourceCatalog;
import org.mimeo.source.SourceConnections;

/** Source databases (mimeo.dblink_mapping). Passwords are stored, never returned or logged. */
@Path("sources")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {

    private static final Set<String> FIELDS = Set.of("dataSource", "username", "password");

    @Inject
    ConfigRepository config;

    @Inject
    SourceConnections connections;

    @POST
    @Transactional
    public Response create(String body) {
        DblinkMapping mapping = new DblinkMapping();
        apply(mapping, JsonBody.parse(body, FIELDS));
        config.addSource(mapping);
        MimeoLogger.LOG.sourceSaved(mapping.getId(), mapping.getDataSource(), mapping.getUsername());
        return Response.created(UriBuilder.fromPath("sources/{id}").build(mapping.getId())).entity(view(mapping)).build();
    }

    @GET
    public List<Map<String, Object>> list() {
        return config.sources().stream().map(SourcesResource::view).toList();
    }

    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") int id) {
        return view(config.source(id));
    }

    @PUT
    @Path("{id}")
    @Transactional
    public Map<String, Object> update(@PathParam("id") int id, String body) {
        DblinkMapping mapping = config.source(id);
        apply(mapping, JsonBody.parse(body, FIELDS));
        connections.retire(id);
        MimeoLogger.LOG.sourceSaved(mapping.getId(), mapping.getDataSource(), mapping.getUsername());
        return view(mapping);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    public Response delete(@PathParam("id") int id) {
        DblinkMapping mapping = config.source(id);
        if (config.sourceInUse(id)) {
            throw MimeoException.conflict("Source " + id + " is still used by replications; destroy them first (GET /mimeo/api/replications lists them)");
        }
        config.removeSource(mapping);
        connections.retire(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/check")
    public Map<String, Object> check(@PathParam("id") int id) {
        DblinkMapping mapping = config.source(id);
        try (Connection c = connections.open(mapping)) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ok", true);
            result.put("serverVersion", SourceCatalog.serverVersion(c));
            return result;
        } catch (SQLException e) {
            throw MimeoException.unreachable("Source " + id + " answered with an error: " + e.getMessage(), e);
        }
    }

    private static void apply(DblinkMapping mapping, JsonBody body) {
        String dataSource = body.requiredString("dataSource");
        String username = body.requiredString("username");
        ConnInfo.parse(dataSource);
        mapping.setDataSource(dataSource.strip());
        mapping.setUsername(username);
        mapping.setPassword(body.string("password"));
    }

    static Map<String, Object> view(DblinkMapping m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.getId());
        v.put("dataSource", m.getDataSource());
        v.put("username", m.getUsername());
        v.put("hasPassword", m.getPassword() != null);
        return v;
    }
}
