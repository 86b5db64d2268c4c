package io.aegisrag.retrieval.lucene;

import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

import java.io.IOException;
import java.util.Collection;

/** A Lucene directory whose writes fail, as a full or broken disk's do, while {@link #failing} is set. */
final class FailingDirectory extends FilterDirectory {

    volatile boolean failing;

    FailingDirectory(Directory in) {
        super(in);
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        failIfAsked();
        return super.createOutput(name, context);
    }

    @Override
    public void sync(Collection<String> names) throws IOException {
        failIfAsked();
        super.sync(names);
    }

    @Override
    public void rename(String source, String dest) throws IOException {
        failIfAsked();
        super.rename(source, dest);
    }

    private void failIfAsked() throws IOException {
        if (failing) {
            throw new IOException("No space left on device");
        }
    }
}
