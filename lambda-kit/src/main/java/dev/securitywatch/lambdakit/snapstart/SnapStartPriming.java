package dev.securitywatch.lambdakit.snapstart;

import dev.securitywatch.lambdakit.telemetry.Telemetry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The SnapStart priming contract every Lambda follows: before the snapshot, run the Lambda's own code path on a
 * built-in sample so restored containers start with those classes loaded and JIT-warmed. Priming sends nothing and
 * opens no connection that would have to survive the restore.
 */
public abstract class SnapStartPriming implements Resource {
    /** CRaC may hold registered resources only weakly: keep them alive for the life of the container. */
    private static final List<Resource> REGISTERED = new CopyOnWriteArrayList<>();

    /** The warm-up itself; it must touch no network service. */
    protected abstract void prime() throws Exception;

    /**
     * Registers this priming with the runtime, once per container (the handler's init), after making the telemetry
     * ready for the snapshot.
     */
    public final void register() {
        Telemetry.initialize();
        REGISTERED.add(this);
        Core.getGlobalContext().register(this);
    }

    @Override
    public final void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing cached before the snapshot holds a connection, a credential or a secret.
    }
}
