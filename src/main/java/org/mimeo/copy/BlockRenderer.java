package org.mimeo.copy;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Turns a block into the COPY statements that move it. */
@Dependent
@Named("blockRenderer")
public class BlockRenderer implements ItemProcessor {

    @Inject
    CopySession session;

    @Override
    public Object processItem(Object item) {
        Block block = (Block) item;
        CopySpec spec = session.spec();
        return new CopyTask(block, session.nextBlockNumber(), session.blockCount(),
                CopyStatements.copyOut(CopyStatements.select(spec, session.positionColumn(), block), spec.binary()),
                CopyStatements.copyIn(spec, spec.binary()));
    }
}
