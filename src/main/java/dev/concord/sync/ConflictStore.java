package dev.concord.sync;

import java.io.FileOutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every unresolved conflict and every pending edit, persisted as JSON (temp file + atomic rename) so a
 * crash or restart loses nothing. Thread-safe. Listeners run on the thread that made the change; the
 * console marshals them to the FX thread.
 */
public final class ConflictStore {
    private static final Logger LOG = LoggerFactory.getLogger(ConflictStore.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** One monitor per store file in this JVM, so two instances on one file never overlap their file locks. */
    private static final ConcurrentHashMap<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final Path lockFile;
    private final Clock clock;
    private final Object lock;
    /** The file's content as last read or written by this instance; null when there was no file. */
    private byte[] lastBytes;
    private final Map<String, Conflict> conflicts = new LinkedHashMap<>();
    private final Map<String, PendingEdit> pending = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Loads the store from {@code file}; a corrupt file is moved aside with a warning, never fatal. */
    public ConflictStore(Path file) {
        this(file, Clock.systemUTC());
    }

    /** As {@link #ConflictStore(Path)}; {@code clock} stamps the name of a corrupt file moved aside. */
    public ConflictStore(Path file, Clock clock) {
        this.file = file.toAbsolutePath().normalize();
        this.lockFile = this.file.resolveSibling(this.file.getFileName() + ".lock");
        this.clock = clock;
        this.lock = JVM_LOCKS.computeIfAbsent(this.file, p -> new Object());
        synchronized (lock) {
            load();
        }
    }

    /** The file this store persists to. */
    public Path file() {
        return file;
    }

    public List<Conflict> conflicts() {
        synchronized (lock) {
            return List.copyOf(conflicts.values());
        }
    }

    public Optional<Conflict> conflict(String conflictId) {
        synchronized (lock) {
            return Optional.ofNullable(conflicts.get(conflictId));
        }
    }

    public List<PendingEdit> pending() {
        synchronized (lock) {
            return List.copyOf(pending.values());
        }
    }

    public Optional<PendingEdit> pendingEdit(String pendingId) {
        synchronized (lock) {
            return Optional.ofNullable(pending.get(pendingId));
        }
    }

    /** Adds a conflict, or replaces the one with the same id (a refreshed theirs). */
    public void putConflict(Conflict conflict) {
        change(() -> conflicts.put(conflict.conflictId(), conflict));
    }

    public void removeConflict(String conflictId) {
        change(() -> conflicts.remove(conflictId));
    }

    /** Adds a pending edit, or replaces the one with the same id (a retry that failed again). */
    public void putPending(PendingEdit edit) {
        change(() -> pending.put(edit.pendingId(), edit));
    }

    public void removePending(String pendingId) {
        change(() -> pending.remove(pendingId));
    }

    /** Calls {@code onChange} after every change; close the returned handle to stop. */
    public AutoCloseable subscribe(Runnable onChange) {
        listeners.add(onChange);
        return () -> listeners.remove(onChange);
    }

    /**
     * Picks up changes another process (the command line, a second console) wrote to the file since this
     * instance last read or wrote it, and tells the listeners when there were any.
     */
    public void refresh() {
        boolean changed;
        synchronized (lock) {
            changed = underFileLock(this::reloadIfChanged);
        }
        if (changed) {
            notifyListeners();
        }
    }

    /**
     * Applies a change and writes the file while holding this JVM's lock of the file and a file lock, so
     * the file always holds every writer's changes: what another process wrote since our last look is
     * read first. If the write fails, memory is rolled back and the caller gets the error: an edit must
     * not look stored when it is not.
     */
    private void change(Runnable mutation) {
        synchronized (lock) {
            underFileLock(() -> {
                reloadIfChanged();
                Map<String, Conflict> conflictsBefore = new LinkedHashMap<>(conflicts);
                Map<String, PendingEdit> pendingBefore = new LinkedHashMap<>(pending);
                mutation.run();
                try {
                    persist();
                } catch (IOException e) {
                    conflicts.clear();
                    conflicts.putAll(conflictsBefore);
                    pending.clear();
                    pending.putAll(pendingBefore);
                    throw e;
                }
                return true;
            });
        }
        notifyListeners();
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A conflict store listener failed", e);
            }
        }
    }

    private interface LockedWork {
        boolean run() throws IOException;
    }

    private boolean underFileLock(LockedWork work) {
        // FileChannel.lock() fails on an interrupted thread; a save interrupted while waiting to retry
        // must still be able to keep its edit as pending, so the flag is set aside and restored.
        boolean interrupted = Thread.interrupted();
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                return work.run();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the conflict store " + file, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Re-reads the file when its bytes differ from what this instance last saw; true if it did. */
    private boolean reloadIfChanged() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            bytes = null;
        }
        if (Arrays.equals(bytes, lastBytes)) {
            return false;
        }
        Map<String, Conflict> freshConflicts = new LinkedHashMap<>();
        Map<String, PendingEdit> freshPending = new LinkedHashMap<>();
        if (bytes != null) {
            try {
                parse(bytes, freshConflicts, freshPending);
            } catch (IOException | RuntimeException e) {
                // Keep what we hold; the next write replaces the unreadable file, so keep a copy of it.
                moveAside(e);
                lastBytes = null;
                return false;
            }
        }
        conflicts.clear();
        conflicts.putAll(freshConflicts);
        pending.clear();
        pending.putAll(freshPending);
        lastBytes = bytes;
        return true;
    }

    private void persist() throws IOException {
        byte[] bytes = StoreFile.write(new ArrayList<>(conflicts.values()), new ArrayList<>(pending.values()));
        Path dir = file.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            // Classic streams, not a FileChannel: a channel is closed by Thread.interrupt(), and a save that
            // was interrupted while waiting to retry must still be able to keep its edit as pending.
            try (FileOutputStream out = new FileOutputStream(temp.toFile())) {
                out.write(bytes);
                // On disk before the rename, or a crash could leave a renamed but empty file.
                out.getFD().sync();
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            lastBytes = bytes;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the conflict store " + file, e);
        }
        try {
            parse(bytes, conflicts, pending);
            lastBytes = bytes;
        } catch (IOException | RuntimeException e) {
            conflicts.clear();
            pending.clear();
            moveAside(e);
        }
    }

    private static void parse(byte[] bytes, Map<String, Conflict> conflicts, Map<String, PendingEdit> pending)
            throws IOException {
        StoreFile.Document doc = StoreFile.read(bytes);
        for (StoreFile.ConflictJson c : doc.conflicts()) {
            Conflict conflict = StoreFile.conflict(c);
            conflicts.put(conflict.conflictId(), conflict);
        }
        for (StoreFile.PendingJson p : doc.pending()) {
            PendingEdit edit = StoreFile.pending(p);
            pending.put(edit.pendingId(), edit);
        }
    }

    private void moveAside(Exception cause) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
        try {
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            LOG.warn("The conflict store {} could not be read ({}); moved it to {} and started empty",
                    file, cause.getMessage(), aside);
        } catch (IOException e) {
            LOG.warn("The conflict store {} could not be read ({}) nor moved aside ({}); starting empty",
                    file, cause.getMessage(), e.getMessage());
        }
    }
}
