package org.mimeo.api;

import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;
import org.mimeo.job.JobLauncher;
import org.mimeo.job.JobLogStore;
import org.mimeo.job.JobRuns;

/** The contract's execution object: JSR 352 status and step metrics, plus the execution's log. */
@ApplicationScoped
public class ExecutionViews {

    @Inject
    JobRuns runs;

    @Inject
    JobLogStore log;

    public Map<String, Object> view(long executionId) {
        JobRuns.Run run = runs.find(executionId).orElseThrow(() -> MimeoException.notFound(MimeoMessages.MSG.noSuchExecution(executionId)));
        return view(run, true);
    }

    Map<String, Object> view(JobRuns.Run run, boolean withLog) {
        JobExecution execution;
        try {
            execution = JobLauncher.operator().getJobExecution(run.executionId());
        } catch (NoSuchJobExecutionException e) {
            throw MimeoException.notFound(MimeoMessages.MSG.executionGone(run.executionId()));
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("executionId", run.executionId());
        v.put("jobName", execution.getJobName());
        v.put("destTable", run.destTable());
        v.put("status", execution.getBatchStatus().name());
        v.put("exitStatus", execution.getExitStatus());
        v.put("startTime", time(execution.getStartTime()));
        v.put("endTime", time(execution.getEndTime()));
        v.put("restartOf", run.restartOf());
        v.put("server", run.serverId());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepExecution step : JobLauncher.operator().getStepExecutions(run.executionId())) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", step.getStepName());
            s.put("status", step.getBatchStatus().name());
            s.put("exitStatus", step.getExitStatus());
            for (Metric m : step.getMetrics()) {
                switch (m.getType()) {
                    case READ_COUNT -> s.put("readCount", m.getValue());
                    case WRITE_COUNT -> s.put("writeCount", m.getValue());
                    case COMMIT_COUNT -> s.put("commitCount", m.getValue());
                    case ROLLBACK_COUNT -> s.put("rollbackCount", m.getValue());
                    default -> { }
                }
            }
            for (String counter : List.of("readCount", "writeCount", "commitCount", "rollbackCount")) {
                s.putIfAbsent(counter, 0L);
            }
            s.put("rowCount", step.getPersistentUserData() instanceof Long rows ? rows : 0L);
            steps.add(s);
        }
        v.put("steps", steps);
        if (withLog) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (JobLogStore.Entry e : log.entries(run.executionId())) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("time", e.time());
                entry.put("level", e.level());
                entry.put("message", e.message());
                entries.add(entry);
            }
            v.put("log", entries);
        }
        return v;
    }

    private static Object time(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
