package org.mimeo.api;

import jakarta.annotation.security.RolesAllowed;
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
import org.mimeo.api.request.SourceBody;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.DblinkMapping;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoLogger;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.source.SourceCatalog;
import org.mimeo.source.SourceConnections;
import org.mimeo.source.SourceCredentials;
import org.mimeo.source.SourceTarget;

/** Source databases (mimeo.dblink_mapping). Passwords are stored encrypted, never returned or logged. */
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
@Path("sources")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SourcesResource {

    @Inject
    ConfigRepository config;

    @Inject
    SourceConnections connections;

    @Inject
    SourceCredentials credentials;

    @Inject
    RequestValidator requests;

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Transactional
    public Response create(SourceBody body) {
        SourceBody source = requests.valid(body == null ? SourceBody.NONE : body);
        DblinkMapping mapping = new DblinkMapping();
        setTarget(mapping, source);
        setPassword(mapping, source.passwordText());
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

    /**
     * Replaces a source's settings. Without a {@code password} field the stored password is kept, but only
     * when hosts, ports, database and user stay the same (it is never sent to another server or role);
     * {@code "password": null} removes it.
     */
    @RolesAllowed(Roles.ADMIN)
    @PUT
    @Path("{id}")
    @Transactional
    public Map<String, Object> update(@PathParam("id") int id, SourceBody body) {
        DblinkMapping mapping = config.source(id);
        SourceBody source = requests.valid(body == null ? SourceBody.NONE : body);
        SourceTarget before = SourceTarget.of(mapping.getDataSource(), mapping.getUsername());
        setTarget(mapping, source);
        if (source.password() != null) {
            setPassword(mapping, source.passwordText());
        } else if (mapping.hasPassword() && !before.equals(SourceTarget.of(mapping.getDataSource(), mapping.getUsername()))) {
            throw MimeoException.invalid(MimeoMessages.MSG.passwordNeededForNewTarget(id));
        }
        connections.retire(id);
        MimeoLogger.LOG.sourceSaved(mapping.getId(), mapping.getDataSource(), mapping.getUsername());
        return view(mapping);
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("{id}")
    @Transactional
    public Response delete(@PathParam("id") int id) {
        DblinkMapping mapping = config.source(id);
        if (config.sourceInUse(id)) {
            throw MimeoException.conflict(MimeoMessages.MSG.sourceInUse(id));
        }
        config.removeSource(mapping);
        connections.retire(id);
        return Response.noContent().build();
    }

    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
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
            throw MimeoException.unreachable(MimeoMessages.MSG.sourceAnsweredWithError(id, e.getMessage()), e);
        }
    }

    private static void setTarget(DblinkMapping mapping, SourceBody body) {
        mapping.setDataSource(body.dataSource().strip());
        mapping.setUsername(body.username());
    }

    private void setPassword(DblinkMapping mapping, String password) {
        mapping.setEncryptedPassword(password == null ? null : credentials.encrypt(password));
    }

    static Map<String, Object> view(DblinkMapping m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.getId());
        v.put("dataSource", m.getDataSource());
        v.put("username", m.getUsername());
        v.put("hasPassword", m.hasPassword());
        return v;
    }
}
