package org.mimeo.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mimeo.error.MimeoException;
import org.mimeo.internal.MimeoMessages;

/** Reads and writes the replication configuration (mimeo.refresh_config_* and mimeo.dblink_mapping). */
@ApplicationScoped
public class ConfigRepository {

    private static final List<Class<? extends RefreshConfig>> CONFIG_TYPES = List.of(RefreshConfigSnap.class, RefreshConfigTable.class,
            RefreshConfigInserterTime.class, RefreshConfigInserterSerial.class, RefreshConfigUpdaterTime.class, RefreshConfigUpdaterSerial.class,
            RefreshConfigDml.class, RefreshConfigLogdel.class);

    @PersistenceContext(unitName = "mimeo")
    EntityManager em;

    public Optional<RefreshConfig> findReplication(String destTable) {
        for (Class<? extends RefreshConfig> type : CONFIG_TYPES) {
            RefreshConfig found = em.find(type, destTable);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    public RefreshConfig replication(String destTable) {
        return findReplication(destTable).orElseThrow(() -> MimeoException.notFound(MimeoMessages.MSG.notManaged(destTable)));
    }

    public <T extends RefreshConfig> T replication(String destTable, Class<T> type) {
        RefreshConfig any = findReplication(destTable).orElse(null);
        T found = type.isInstance(any) ? type.cast(any) : null;
        if (found == null) {
            throw MimeoException.notFound(MimeoMessages.MSG.notManagedAs(destTable,
                    type.getSimpleName().replace("RefreshConfig", "").toLowerCase()));
        }
        return found;
    }

    public List<RefreshConfig> replications(String type) {
        List<RefreshConfig> all = new ArrayList<>();
        for (Class<? extends RefreshConfig> cls : CONFIG_TYPES) {
            all.addAll(em.createQuery("select c from " + cls.getSimpleName() + " c", cls).getResultList());
        }
        return all.stream()
                .filter(c -> type == null || c.getType().equals(type) || c.getType().startsWith(type + "_"))
                .sorted(Comparator.comparing(RefreshConfig::getDestTable))
                .toList();
    }

    public boolean sourceInUse(int sourceId) {
        for (Class<? extends RefreshConfig> cls : CONFIG_TYPES) {
            long n = em.createQuery("select count(c) from " + cls.getSimpleName() + " c where c.sourceId = :id", Long.class)
                    .setParameter("id", sourceId).getSingleResult();
            if (n > 0) {
                return true;
            }
        }
        return false;
    }

    public void add(RefreshConfig config) {
        em.persist(config);
        em.flush();
    }

    public void remove(RefreshConfig config) {
        em.remove(em.contains(config) ? config : em.merge(config));
        em.flush();
    }

    public DblinkMapping source(int id) {
        DblinkMapping m = em.find(DblinkMapping.class, id);
        if (m == null) {
            throw MimeoException.notFound(MimeoMessages.MSG.noSuchSource(id));
        }
        return m;
    }

    public List<DblinkMapping> sources() {
        return em.createQuery("select m from DblinkMapping m order by m.id", DblinkMapping.class).getResultList();
    }

    public void addSource(DblinkMapping mapping) {
        em.persist(mapping);
        em.flush();
    }

    public void removeSource(DblinkMapping mapping) {
        em.remove(mapping);
        em.flush();
    }
}
