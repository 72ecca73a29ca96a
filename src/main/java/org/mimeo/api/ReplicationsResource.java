package org.mimeo.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.mimeo.api.request.Kind;
import org.mimeo.api.request.MakerBody;
import org.mimeo.api.request.RefreshBody;
import org.mimeo.config.ConfigRepository;
import org.mimeo.config.IncrementalConfig;
import org.mimeo.config.QueueConfig;
import org.mimeo.config.RefreshConfig;
import org.mimeo.config.RefreshConfigSnap;
import org.mimeo.config.RefreshConfigTable;
import org.mimeo.config.SerialIncrementalConfig;
import org.mimeo.config.TimeIncrementalConfig;
import org.mimeo.error.Failure;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.internal.Settings;
import org.mimeo.job.JobLauncher;
import org.mimeo.replication.MakeRequest;
import org.mimeo.replication.Replications;
import org.mimeo.replication.Transactions;
import org.mimeo.sql.QualifiedName;

/**
 * Makers (POST), destroyers (DELETE), configuration (GET, PATCH) and refreshes of replications. Bodies are
 * request records (package {@code request}) bound by JSON-B and checked by Bean Validation.
 */
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
@Path("replications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReplicationsResource {

    /** JSON Merge Patch (RFC 7386); PATCH also takes application/json, as it always did. */
    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Replications replications;

    @Inject
    ConfigRepository config;

    @Inject
    RequestValidator requests;

    @Inject
    DatabaseChecks checks;

    @Inject
    SettingsEditor settings;

    @Inject
    ExecutionViews executions;

    @Inject
    JobLauncher jobs;

    @Inject
    Transactions tx;

    @RolesAllowed(Roles.ADMIN)
    @POST
    public Response make(MakerBody body, @QueryParam("wait") @DefaultValue("true") boolean wait) {
        if (body == null) {
            throw MimeoException.invalid(MimeoMessages.MSG.typeRequired(MakerBody.types()));
        }
        MakerBody maker = requests.valid(body);
        MakeRequest request = maker.toMakeRequest(checks.interval("period", maker.shared().period(), false));
        Replications.Made made = replications.make(request, wait);
        Map<String, Object> view = view(made.config());
        if (made.executionId() != null) {
            Map<String, Object> load = new LinkedHashMap<>();
            load.put("executionId", made.executionId());
            load.put("status", made.loadStatus().name());
            view.put("initialLoad", load);
        }
        return Response.status(Response.Status.CREATED).entity(view).build();
    }

    @GET
    public List<Map<String, Object>> list(@QueryParam("type") String type) {
        if (type != null && !type.isBlank()) {
            replications.mode(type);
        }
        return config.replications(type == null || type.isBlank() ? null : type).stream().map(ReplicationsResource::view).toList();
    }

    @GET
    @Path("{destTable}")
    public Map<String, Object> get(@PathParam("destTable") String destTable) {
        return view(config.replication(normalize(destTable)));
    }

    /**
     * A refresh moves lastValue in its chunk transactions, so lastValue changes only while no refresh holds
     * the table's lock (409 already_running otherwise), and commits before the lock is released. Other
     * fields may change during a refresh: only changed columns are written (@DynamicUpdate), never last_value.
     */
    @RolesAllowed(Roles.ADMIN)
    @PATCH
    @Path("{destTable}")
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public Map<String, Object> patch(@PathParam("destTable") String destTable, JsonObject body) {
        String dest = config.replication(normalize(destTable)).getDestTable();
        JsonObject patch = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        if (!patch.containsKey("lastValue")) {
            return tx.inNew(() -> view(settings.patch(dest, patch)));
        }
        AtomicReference<Map<String, Object>> patched = new AtomicReference<>();
        AtomicBoolean locked = new AtomicBoolean();
        try {
            jobs.whileLocked(dest, () -> {
                locked.set(true);
                patched.set(tx.inNew(() -> view(settings.patch(dest, patch))));
            });
        } catch (MimeoException e) {
            if (!locked.get() && e.failure() == Failure.ALREADY_RUNNING) {
                throw new MimeoException(Failure.ALREADY_RUNNING, MimeoMessages.MSG.lastValueWhileRefreshing(dest));
            }
            throw e;
        }
        return patched.get();
    }

    @RolesAllowed(Roles.ADMIN)
    @DELETE
    @Path("{destTable}")
    public Response destroy(@PathParam("destTable") String destTable, @QueryParam("archive") @DefaultValue("false") boolean archive) {
        replications.destroy(normalize(destTable), archive);
        return Response.noContent().build();
    }

    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @POST
    @Path("{destTable}/refresh")
    public Response refresh(@PathParam("destTable") String destTable, @QueryParam("wait") @DefaultValue("true") boolean wait, RefreshBody body) {
        String dest = normalize(destTable);
        RefreshConfig c = config.replication(dest);
        RefreshBody refresh = requests.valid(body == null ? RefreshBody.NONE : body, Kind.of(c));
        if (c instanceof IncrementalConfig incremental) {
            checks.controlValue("repullStart", refresh.repullStart(), incremental);
            checks.controlValue("repullEnd", refresh.repullEnd(), incremental);
        }
        long executionId = replications.refresh(dest, refresh.toRefreshRequest(), refresh.lockWaitSeconds(Settings.maxWait()));
        if (!wait) {
            return Response.accepted(Map.of("executionId", executionId)).build();
        }
        JobExecution execution = replications.await(executionId);
        Response.Status status = execution.getBatchStatus() == BatchStatus.STARTED ? Response.Status.ACCEPTED : Response.Status.OK;
        return Response.status(status).entity(executions.view(executionId)).build();
    }

    static String normalize(String destTable) {
        return QualifiedName.parse(destTable).text();
    }

    static Map<String, Object> view(RefreshConfig c) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("destTable", c.getDestTable());
        v.put("type", c instanceof IncrementalConfig i ? i.kind() : c.getType());
        v.put("sourceTable", c.getSourceTable());
        v.put("sourceId", c.getSourceId());
        v.put("filter", c.getFilter() == null ? null : List.of(c.getFilter()));
        v.put("condition", c.getCondition());
        v.put("period", c.getPeriod());
        v.put("batchLimit", c.getBatchLimit());
        v.put("lastRun", c.getLastRun());
        if (c instanceof RefreshConfigSnap snap) {
            v.put("checkStats", snap.isCheckStats());
            v.put("postScript", snap.getPostScript() == null ? null : List.of(snap.getPostScript()));
        }
        if (c instanceof IncrementalConfig i) {
            v.put("controlField", i.getControl());
            v.put("controlType", i.isTimeBased() ? "time" : "serial");
            v.put("boundary", i.boundaryText());
            if (i instanceof TimeIncrementalConfig t) {
                v.put("lastValue", t.getLastValue());
                v.put("dstActive", t.isDstActive());
                v.put("dstStart", t.getDstStart());
                v.put("dstEnd", t.getDstEnd());
            } else {
                v.put("lastValue", ((SerialIncrementalConfig) i).getLastValue());
            }
            if (i.getPkName() != null) {
                v.put("pkName", List.of(i.getPkName()));
                v.put("pkType", List.of(i.getPkType()));
            }
        }
        if (c instanceof QueueConfig q) {
            v.put("pkName", List.of(q.getPkName()));
            v.put("pkType", List.of(q.getPkType()));
            v.put("insertOnFetch", q.isInsertOnFetch());
            v.put("queueTable", q.getControl());
            v.put("queuePosition", q.getLastQueuePosition()[0] + "/" + q.getLastQueuePosition()[1]);
        }
        if (c instanceof RefreshConfigTable table) {
            v.put("truncateCascade", table.isTruncateCascade());
            v.put("adopted", table.isAdopted());
            v.put("sequences", table.getSequences() == null ? null : List.of(table.getSequences()));
        }
        return v;
    }
}
