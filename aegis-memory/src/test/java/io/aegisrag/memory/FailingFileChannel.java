package io.aegisrag.memory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A real file channel whose writes fail, as a full disk's do, while {@link #failing} is set: half of
 * the bytes reach the file before the failure, like a torn write.
 */
final class FailingFileChannel extends FileChannel {

    private final FileChannel file;
    volatile boolean failing;

    FailingFileChannel(FileChannel file) {
        this.file = file;
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
        if (failing) {
            ByteBuffer half = source.duplicate();
            half.limit(source.position() + source.remaining() / 2);
            file.write(half, position);
            throw new IOException("No space left on device");
        }
        return file.write(source, position);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        return write(source, file.position());
    }

    @Override
    public void force(boolean metaData) throws IOException {
        if (failing) {
            throw new IOException("No space left on device");
        }
        file.force(metaData);
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        return file.read(destination);
    }

    @Override
    public long read(ByteBuffer[] destinations, int offset, int length) throws IOException {
        return file.read(destinations, offset, length);
    }

    @Override
    public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
        throw new UnsupportedOperationException("the journal writes one buffer at a time");
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        file.truncate(size);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return file.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel source, long position, long count) throws IOException {
        return file.transferFrom(source, position, count);
    }

    @Override
    public int read(ByteBuffer destination, long position) throws IOException {
        return file.read(destination, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return file.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        file.close();
    }
}
