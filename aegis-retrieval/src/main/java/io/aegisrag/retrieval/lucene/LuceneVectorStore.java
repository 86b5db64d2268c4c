package io.aegisrag.retrieval.lucene;

import io.aegisrag.core.document.Chunk;
import io.aegisrag.core.document.ChunkHit;
import io.aegisrag.core.document.Document;
import io.aegisrag.core.document.DocumentId;
import io.aegisrag.core.document.DocumentSummary;
import io.aegisrag.core.document.EmbeddedChunk;
import io.aegisrag.core.document.Page;
import io.aegisrag.core.error.AegisException;
import io.aegisrag.core.error.ErrorType;
import io.aegisrag.core.port.VectorStore;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link VectorStore} on a Lucene index in a local directory: HNSW over 384-d (or any fixed-size)
 * vectors of chunks and of their sentence windows, and BM25 over the chunk text, heading path and
 * title (identifiers split into their parts, {@link IdentifierAwareAnalyzer}), in one index, so one
 * commit makes a document visible to both searches at once. Every commit records the embedding model
 * that made the vectors and the index format, and an index of another model's vectors is refused
 * unless it is opened to be indexed again: its neighbours would mean nothing.
 */
public final class LuceneVectorStore implements VectorStore, AutoCloseable {

    private static final String KIND = "kind";
    private static final String KIND_DOCUMENT = "document";
    private static final String KIND_CHUNK = "chunk";
    private static final String KIND_WINDOW = "window";
    private static final String WINDOW_VECTOR = "window_vector";
    private static final String WINDOW_CHUNK = "window_chunk";
    private static final String DOCUMENT_ID = "document_id";
    private static final String CHUNK_ID = "chunk_id";
    private static final String TITLE = "title";
    private static final String SOURCE = "source";
    private static final String SECTION = "section";
    private static final String TEXT = "text";
    private static final String TITLE_TEXT = "title_text";
    private static final String SECTION_TEXT = "section_text";
    private static final String DOCUMENT_TEXT = "document_text";
    private static final String POSITION = "position";
    private static final String PAGE = "page";
    private static final String VECTOR = "vector";
    private static final String CREATED_AT = "created_at";
    private static final String CHUNK_COUNT = "chunk_count";
    private static final String METADATA = "metadata";
    private static final String EMBEDDING_MODEL = "embedding_model";
    private static final String INDEX_FORMAT = "index_format";
    /**
     * 3: cleaned chunks, identifier-aware analysis, heading path and title fields, sentence windows.
     * Indexes without a format are 1.
     */
    static final String CURRENT_FORMAT = "3";

    /**
     * How much a chunk's best sentence window counts in its vector score, against the chunk's own
     * vector: 0.7 of 0 / 0.3 / 0.5 / 0.7 / 1 measured best (bench/results/quality-3-windows.md).
     */
    static final double WINDOW_WEIGHT = 0.7;

    /** HNSW candidates per search unless configured: enough for recall@10 ≥ 0.95 on 100k vectors (bench/results). */
    public static final int DEFAULT_SEARCH_CANDIDATES = 100;

    /** Heap for the chunks of the open segments unless configured ({@link ChunkTable}): about 100k chunks of 800 characters. */
    public static final long DEFAULT_CHUNK_CACHE_BYTES = 128L << 20;

    /** Distinct terms a keyword search keeps: three clauses each, well under Lucene's 1,024 clauses per query. */
    public static final int MAX_KEYWORD_TERMS = 256;

    /**
     * The weight of a term found in the chunk's heading path or document title, on top of its weight
     * in the text: short fields score high in BM25, so a fifth is enough; more drowns the text
     * (bench/results/quality.md).
     */
    static final float SECTION_BOOST = 0.2f;
    static final float TITLE_BOOST = 0.2f;

    private static final Logger LOG = Logger.getLogger(LuceneVectorStore.class.getName());
    /** What a listing reads of a document's record: never its text. */
    private static final Set<String> SUMMARY_FIELDS = Set.of(DOCUMENT_ID, TITLE, SOURCE, CHUNK_COUNT, CREATED_AT);

    private final Directory directory;
    private final Analyzer analyzer = new IdentifierAwareAnalyzer();
    private final String embeddingModel;
    private final int dimension;
    private final int searchCandidates;
    private final ChunkTable chunkTable;
    private final IdleMerge idleMerge;
    private final int mergedSegments;
    private final VectorSimilarityFunction similarity;
    private volatile Map<String, String> commitData;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;

    /**
     * How the store searches, holds chunks and merges.
     *
     * @param searchCandidates how many nearest neighbours HNSW looks for before the top k are kept:
     *                         more candidates, better recall, slower searches
     * @param reindexAllowed   whether an index of another model's vectors may be opened to be
     *                         {@linkplain #needsReindex() indexed again}
     * @param chunkCacheBytes  heap for the chunks of the open segments ({@link ChunkTable}); the rest are read from the index
     * @param mergeAfterIdle   how long after the last write the index is merged in the background (zero: never): each
     *                         segment is one more HNSW graph every vector search walks
     * @param mergedSegments   how many segments that merge leaves
     */
    public record Settings(int searchCandidates, boolean reindexAllowed, long chunkCacheBytes, Duration mergeAfterIdle, int mergedSegments) {

        public static final Settings DEFAULTS = new Settings(DEFAULT_SEARCH_CANDIDATES, false, DEFAULT_CHUNK_CACHE_BYTES,
                Duration.ofSeconds(30), 1);

        public Settings {
            if (searchCandidates < 1) {
                throw new IllegalArgumentException("search candidates must be positive, got " + searchCandidates);
            }
            if (chunkCacheBytes < 0) {
                throw new IllegalArgumentException("the chunk cache's bytes must not be negative, got " + chunkCacheBytes);
            }
            if (mergeAfterIdle.isNegative() || mergedSegments < 1) {
                throw new IllegalArgumentException("the idle merge needs a time of zero or more and one segment or more, got "
                        + mergeAfterIdle + " and " + mergedSegments);
            }
        }
    }

    public LuceneVectorStore(Path indexDirectory, String embeddingModel, int dimension) {
        this(indexDirectory, embeddingModel, dimension, Settings.DEFAULTS);
    }

    /** The default settings with these search candidates, and reindexing allowed or not. */
    public LuceneVectorStore(Path indexDirectory, String embeddingModel, int dimension, int searchCandidates, boolean reindexAllowed) {
        this(indexDirectory, embeddingModel, dimension, new Settings(searchCandidates, reindexAllowed, DEFAULT_CHUNK_CACHE_BYTES,
                Settings.DEFAULTS.mergeAfterIdle(), Settings.DEFAULTS.mergedSegments()));
    }

    /**
     * @param embeddingModel the name of the model whose vectors the index holds
     * @throws IllegalStateException when the index holds the vectors of another embedding model and
     *                               reindexing is not allowed
     */
    public LuceneVectorStore(Path indexDirectory, String embeddingModel, int dimension, Settings settings) {
        this(openDirectory(indexDirectory), embeddingModel, dimension, settings);
    }

    /** Over any Lucene directory; tests give one that fails. */
    LuceneVectorStore(Directory directory, String embeddingModel, int dimension, int searchCandidates, boolean reindexAllowed) {
        this(directory, embeddingModel, dimension, new Settings(searchCandidates, reindexAllowed, DEFAULT_CHUNK_CACHE_BYTES,
                Settings.DEFAULTS.mergeAfterIdle(), Settings.DEFAULTS.mergedSegments()));
    }

    LuceneVectorStore(Directory directory, String embeddingModel, int dimension, Settings settings) {
        this.chunkTable = new ChunkTable(settings.chunkCacheBytes(), new Term(KIND, KIND_CHUNK), LuceneVectorStore::chunkOf);
        this.directory = directory;
        this.embeddingModel = embeddingModel;
        this.dimension = dimension;
        this.searchCandidates = settings.searchCandidates();
        this.mergedSegments = settings.mergedSegments();
        this.idleMerge = new IdleMerge(settings.mergeAfterIdle(), mergedSegments, this::mergeSegments);
        try {
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            this.commitData = commitDataToKeep(directory.toString(), settings.reindexAllowed());
            this.writer.setLiveCommitData(commitData.entrySet());
            this.writer.commit();
            this.searchers = new SearcherManager(writer, warmingChunks());
            this.similarity = similarityOfIndex();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Lucene index in " + directory, e);
        }
        idleMerge.written();
    }

    private static Directory openDirectory(Path indexDirectory) {
        try {
            Files.createDirectories(indexDirectory);
            return FSDirectory.open(indexDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Lucene index in " + indexDirectory, e);
        }
    }

    /**
     * The model and format to record at each commit: the current ones, unless the index holds chunks
     * indexed otherwise; then the recorded ones stay until {@link #markReindexed()}, so that a start
     * after a crash in the middle of reindexing still knows it has to finish.
     */
    private Map<String, String> commitDataToKeep(String indexDirectory, boolean reindexAllowed) throws IOException {
        Map<String, String> recorded = new HashMap<>();
        Iterable<Map.Entry<String, String>> commitData = writer.getLiveCommitData();
        if (commitData != null) {
            commitData.forEach(entry -> recorded.put(entry.getKey(), entry.getValue()));
        }
        Map<String, String> current = Map.of(EMBEDDING_MODEL, embeddingModel, INDEX_FORMAT, CURRENT_FORMAT);
        if (writer.getDocStats().numDocs == 0) {
            return current;
        }
        String recordedModel = recorded.getOrDefault(EMBEDDING_MODEL, embeddingModel);
        if (!recordedModel.equals(embeddingModel) && !reindexAllowed) {
            writer.rollback();
            directory.close();
            throw new IllegalStateException("the index in " + indexDirectory + " holds vectors of the embedding model '" + recordedModel
                    + "', not of '" + embeddingModel + "': switch the model back, or set aegis.index.reindex=true"
                    + " (AEGIS_INDEX_REINDEX=true) to index the stored documents again with '" + embeddingModel + "' at start-up");
        }
        Map<String, String> kept = Map.of(EMBEDDING_MODEL, recordedModel, INDEX_FORMAT, recorded.getOrDefault(INDEX_FORMAT, "1"));
        return kept.equals(current) ? current : kept;
    }

    /**
     * Whether the index holds chunks of another embedding model or an older index format: every
     * document must be {@linkplain #add added} again, then {@link #markReindexed()} called.
     */
    @Override
    public boolean needsReindex() {
        return !commitData.get(EMBEDDING_MODEL).equals(embeddingModel) || !commitData.get(INDEX_FORMAT).equals(CURRENT_FORMAT);
    }

    @Override
    public synchronized void markReindexed() {
        commitData = Map.of(EMBEDDING_MODEL, embeddingModel, INDEX_FORMAT, CURRENT_FORMAT);
        write(() -> {
            writer.setLiveCommitData(commitData.entrySet());
            return null;
        });
    }

    @Override
    public String serviceName() {
        return "lucene";
    }

    /** The writer is open and the current searcher can read the index. */
    @Override
    public boolean isAvailable() {
        return writer.isOpen() && search(searcher -> searcher.getIndexReader().numDocs() >= 0);
    }

    @Override
    public synchronized void add(Document document, List<EmbeddedChunk> chunks) {
        for (EmbeddedChunk chunk : chunks) {
            if (chunk.vector().length != dimension || chunk.windowVectors().stream().anyMatch(window -> window.length != dimension)) {
                throw new IllegalArgumentException("chunk " + chunk.chunk().id() + " has a vector of "
                        + chunk.vector().length + " dimensions (or a window of another); the store holds " + dimension);
            }
        }
        List<org.apache.lucene.document.Document> block = new ArrayList<>(chunks.size() + 1);
        block.add(documentRecord(document, chunks.size()));
        for (EmbeddedChunk chunk : chunks) {
            block.add(chunkRecord(chunk, similarity));
            chunk.windowVectors().forEach(window -> block.add(windowRecord(chunk.chunk(), window, similarity)));
        }
        write(() -> {
            writer.updateDocuments(new Term(DOCUMENT_ID, document.id().value()), block);
            return null;
        });
    }

    @Override
    public synchronized boolean delete(DocumentId id) {
        Query record = documentQuery(new TermQuery(new Term(DOCUMENT_ID, id.value())));
        if (search(searcher -> searcher.count(record)) == 0) {
            return false;
        }
        write(() -> writer.deleteDocuments(new Term(DOCUMENT_ID, id.value())));
        return true;
    }

    @Override
    public Optional<Document> find(DocumentId id) {
        return search(searcher -> {
            TopDocs top = searcher.search(documentQuery(new TermQuery(new Term(DOCUMENT_ID, id.value()))), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            var stored = searcher.storedFields().document(top.scoreDocs[0].doc);
            Map<String, String> metadata = decodeMetadata(stored.get(METADATA));
            return Optional.of(new Document(id, stored.get(TITLE), stored.get(SOURCE), stored.get(DOCUMENT_TEXT), metadata,
                    Instant.ofEpochMilli(stored.getField(CREATED_AT).numericValue().longValue())));
        });
    }

    @Override
    public Page<DocumentSummary> list(int offset, int limit) {
        return search(searcher -> {
            Sort newestFirst = new Sort(new SortField(CREATED_AT, SortField.Type.LONG, true));
            TopDocs top = searcher.search(new TermQuery(new Term(KIND, KIND_DOCUMENT)), offset + limit, newestFirst);
            List<DocumentSummary> items = new ArrayList<>();
            var stored = searcher.storedFields();
            for (int i = offset; i < top.scoreDocs.length; i++) {
                var record = stored.document(top.scoreDocs[i].doc, SUMMARY_FIELDS);
                items.add(new DocumentSummary(new DocumentId(record.get(DOCUMENT_ID)), record.get(TITLE),
                        record.get(SOURCE), record.getField(CHUNK_COUNT).numericValue().intValue(),
                        Instant.ofEpochMilli(record.getField(CREATED_AT).numericValue().longValue())));
            }
            return new Page<>(items, top.totalHits.value, offset, limit);
        });
    }

    @Override
    public List<ChunkHit> searchByVector(float[] vector, int k) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("query vector has " + vector.length + " dimensions; the store holds " + dimension);
        }
        int candidates = Math.max(k, searchCandidates);
        float[] unit = unit(vector);
        List<ChunkHit> byChunk = hits(new KnnFloatVectorQuery(VECTOR, unit, candidates), k);
        Map<String, Float> byWindow = bestWindowScores(unit, candidates, k);
        return byWindow.isEmpty() ? byChunk : combine(byChunk, byWindow, k);
    }

    /**
     * The chunks of the {@code k} windows nearest to {@code vector}, each with its best window's score.
     * A window's chunk id is read from doc values, in doc order, segment by segment: no stored fields
     * to decompress.
     */
    private Map<String, Float> bestWindowScores(float[] vector, int candidates, int k) {
        return search(searcher -> {
            ScoreDoc[] windows = searcher.search(new KnnFloatVectorQuery(WINDOW_VECTOR, vector, candidates), k).scoreDocs;
            Arrays.sort(windows, Comparator.comparingInt((ScoreDoc window) -> window.doc));
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            Map<String, Float> best = new HashMap<>();
            SortedDocValues chunkIds = null;
            int leaf = -1;
            for (ScoreDoc window : windows) {
                int leafOfWindow = ReaderUtil.subIndex(window.doc, leaves);
                if (leafOfWindow != leaf) {
                    leaf = leafOfWindow;
                    chunkIds = DocValues.getSorted(leaves.get(leaf).reader(), WINDOW_CHUNK);
                }
                if (chunkIds.advanceExact(window.doc - leaves.get(leaf).docBase)) {
                    best.merge(chunkIds.lookupOrd(chunkIds.ordValue()).utf8ToString(), window.score, Math::max);
                }
            }
            return best;
        });
    }

    /**
     * Scores each chunk found by its own vector or by a window as {@link #WINDOW_WEIGHT} × its best
     * window (its own score when no window of it was found, or when it has none) + the rest × its own
     * score (the lowest own score found, when only a window found it), and reads from the index only
     * the chunks found through a window alone that make the best {@code k}.
     */
    private List<ChunkHit> combine(List<ChunkHit> byChunk, Map<String, Float> byWindow, int k) {
        Map<String, Chunk> found = new HashMap<>();
        Map<String, Double> scores = new HashMap<>();
        for (ChunkHit hit : byChunk) {
            found.put(hit.chunk().id(), hit.chunk());
            scores.put(hit.chunk().id(), combined(byWindow.getOrDefault(hit.chunk().id(), 0f), hit.score()));
        }
        double floor = byChunk.stream().mapToDouble(ChunkHit::score).min().orElse(0);
        byWindow.forEach((id, window) -> scores.putIfAbsent(id, combined(window, floor)));
        List<String> best = scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(k)
                .map(Map.Entry::getKey)
                .toList();
        chunks(best.stream().filter(id -> !found.containsKey(id)).toList()).forEach(chunk -> found.put(chunk.id(), chunk));
        return best.stream().filter(found::containsKey).map(id -> new ChunkHit(found.get(id), scores.get(id))).toList();
    }

    private static double combined(double window, double own) {
        return WINDOW_WEIGHT * Math.max(window, own) + (1 - WINDOW_WEIGHT) * own;
    }

    /**
     * BM25 over the distinct analysed terms of {@code text}, the first {@value #MAX_KEYWORD_TERMS} of
     * them: a long question never reaches Lucene's limit of clauses per query.
     */
    @Override
    public List<ChunkHit> searchByKeywords(String text, int k) {
        Set<String> terms = distinctTerms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder keywords = new BooleanQuery.Builder();
        terms.forEach(term -> {
            keywords.add(new TermQuery(new Term(TEXT, term)), BooleanClause.Occur.SHOULD);
            keywords.add(new BoostQuery(new TermQuery(new Term(SECTION_TEXT, term)), SECTION_BOOST), BooleanClause.Occur.SHOULD);
            keywords.add(new BoostQuery(new TermQuery(new Term(TITLE_TEXT, term)), TITLE_BOOST), BooleanClause.Occur.SHOULD);
        });
        return hits(keywords.build(), k);
    }

    private Set<String> distinctTerms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (terms.size() < MAX_KEYWORD_TERMS && tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing an in-memory string failed", e);
        }
        return terms;
    }

    @Override
    public List<Chunk> chunksOf(DocumentId id) {
        Query ofDocument = chunkQuery(new TermQuery(new Term(DOCUMENT_ID, id.value())));
        int count = search(searcher -> searcher.count(ofDocument));
        return count == 0 ? List.of() : hits(ofDocument, count).stream()
                .map(ChunkHit::chunk)
                .sorted(Comparator.comparingInt(Chunk::position))
                .toList();
    }

    @Override
    public List<Chunk> chunks(Collection<String> chunkIds) {
        if (chunkIds.isEmpty()) {
            return List.of();
        }
        List<BytesRef> terms = chunkIds.stream().map(BytesRef::new).toList();
        return hits(new TermInSetQuery(CHUNK_ID, terms), chunkIds.size()).stream().map(ChunkHit::chunk).toList();
    }

    @Override
    public long chunkCount() {
        return search(searcher -> (long) searcher.count(new TermQuery(new Term(KIND, KIND_CHUNK))));
    }

    /** Bytes the chunks held in heap take (estimated). */
    long chunkCacheBytes() {
        return chunkTable.bytes();
    }

    @Override
    public void close() throws IOException {
        boolean merging = idleMerge.stop();
        searchers.close();
        if (merging) {
            writer.rollback();
        } else {
            writer.close();
        }
        directory.close();
    }

    /**
     * Merges the index into {@code segments} segments, then shows the merged index to searches and
     * commits it. Runs on the idle merge's thread; every write commits at once, so a close during
     * the merge rolls back and loses only the merge.
     */
    private void mergeSegments(int segments) throws IOException {
        IndexWriter merging = writer;
        if (segmentCount() <= segments) {
            return;
        }
        merging.forceMerge(segments);
        synchronized (this) {
            if (merging == writer) {
                merging.commit();
                searchers.maybeRefreshBlocking();
            }
        }
    }

    /**
     * How the index compares vectors: the dot product of unit vectors (the cosine, at a third of the
     * work per comparison), unless it already holds vectors compared by cosine, as indexes written
     * before this version do: Lucene keeps a field's similarity for the life of the index, and the
     * cosine of unit vectors is the same score.
     */
    private VectorSimilarityFunction similarityOfIndex() {
        return search(searcher -> searcher.getIndexReader().leaves().stream()
                .map(leaf -> leaf.reader().getFieldInfos().fieldInfo(VECTOR))
                .filter(field -> field != null && field.hasVectorValues())
                .map(field -> field.getVectorSimilarityFunction())
                .findFirst()
                .orElse(VectorSimilarityFunction.DOT_PRODUCT));
    }

    /** Merges the index now, as the idle merge does once writes pause. */
    public void merge() throws IOException {
        mergeSegments(mergedSegments);
    }

    /** How many segments the index searched now has. */
    public int segmentCount() {
        return search(searcher -> searcher.getIndexReader().leaves().size());
    }

    private List<ChunkHit> hits(Query query, int k) {
        return search(searcher -> {
            ScoreDoc[] found = searcher.search(query, k).scoreDocs;
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            List<ChunkHit> hits = new ArrayList<>(found.length);
            StoredFields stored = null;
            for (ScoreDoc scoreDoc : found) {
                LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(scoreDoc.doc, leaves));
                Chunk chunk = chunkTable.get(leaf, scoreDoc.doc - leaf.docBase);
                if (chunk == null) {
                    stored = stored == null ? searcher.storedFields() : stored;
                    chunk = chunkOf(stored.document(scoreDoc.doc));
                }
                hits.add(new ChunkHit(chunk, scoreDoc.score));
            }
            return hits;
        });
    }

    private static Chunk chunkOf(org.apache.lucene.document.Document record) {
        return new Chunk(record.get(CHUNK_ID), new DocumentId(record.get(DOCUMENT_ID)),
                record.get(TITLE), record.get(SOURCE), record.get(SECTION), record.get(TEXT),
                record.getField(POSITION).numericValue().intValue(),
                record.getField(PAGE) == null ? 0 : record.getField(PAGE).numericValue().intValue());
    }

    private static Query chunkQuery(Query query) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(KIND, KIND_CHUNK)), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Query documentQuery(Query query) {
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(KIND, KIND_DOCUMENT)), BooleanClause.Occur.FILTER)
                .build();
    }

    private static org.apache.lucene.document.Document documentRecord(Document document, int chunkCount) {
        var record = new org.apache.lucene.document.Document();
        record.add(new StringField(KIND, KIND_DOCUMENT, Field.Store.NO));
        record.add(new StringField(DOCUMENT_ID, document.id().value(), Field.Store.YES));
        record.add(new StoredField(TITLE, document.title()));
        record.add(new StoredField(SOURCE, document.source()));
        record.add(new StoredField(DOCUMENT_TEXT, document.text()));
        long createdAt = document.createdAt().toEpochMilli();
        record.add(new NumericDocValuesField(CREATED_AT, createdAt));
        record.add(new StoredField(CREATED_AT, createdAt));
        record.add(new StoredField(CHUNK_COUNT, chunkCount));
        record.add(new StoredField(METADATA, encodeMetadata(document.metadata())));
        return record;
    }

    private static org.apache.lucene.document.Document chunkRecord(EmbeddedChunk embedded, VectorSimilarityFunction similarity) {
        Chunk chunk = embedded.chunk();
        var record = new org.apache.lucene.document.Document();
        record.add(new StringField(KIND, KIND_CHUNK, Field.Store.NO));
        record.add(new StringField(DOCUMENT_ID, chunk.documentId().value(), Field.Store.YES));
        record.add(new StringField(CHUNK_ID, chunk.id(), Field.Store.YES));
        record.add(new StoredField(TITLE, chunk.title()));
        record.add(new StoredField(SOURCE, chunk.source()));
        record.add(new StoredField(SECTION, chunk.section()));
        record.add(new TextField(TEXT, chunk.text(), Field.Store.YES));
        record.add(new TextField(TITLE_TEXT, chunk.title(), Field.Store.NO));
        record.add(new TextField(SECTION_TEXT, chunk.section(), Field.Store.NO));
        record.add(new StoredField(POSITION, chunk.position()));
        record.add(new StoredField(PAGE, chunk.page()));
        record.add(new KnnFloatVectorField(VECTOR, unit(embedded.vector()), similarity));
        return record;
    }

    private static org.apache.lucene.document.Document windowRecord(Chunk chunk, float[] vector, VectorSimilarityFunction similarity) {
        var record = new org.apache.lucene.document.Document();
        record.add(new StringField(KIND, KIND_WINDOW, Field.Store.NO));
        record.add(new StringField(DOCUMENT_ID, chunk.documentId().value(), Field.Store.NO));
        record.add(new SortedDocValuesField(WINDOW_CHUNK, new BytesRef(chunk.id())));
        record.add(new KnnFloatVectorField(WINDOW_VECTOR, unit(vector), similarity));
        return record;
    }

    /**
     * {@code vector} scaled to length 1 (a copy), so that the dot product of two is their cosine and
     * Lucene's score for it, (1 + dot) / 2, is the score cosine gave.
     */
    static float[] unit(float[] vector) {
        double squares = 0;
        for (float value : vector) {
            squares += value * value;
        }
        if (squares == 0) {
            throw new IllegalArgumentException("a zero vector has no direction to search by");
        }
        float scale = (float) (1 / Math.sqrt(squares));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }

    /**
     * The user's metadata in one stored field, each key and value prefixed by its length: keys a
     * client chose never become Lucene field names.
     */
    static String encodeMetadata(Map<String, String> metadata) {
        StringBuilder encoded = new StringBuilder();
        metadata.forEach((key, value) -> encoded.append(key.length()).append(':').append(key)
                .append(value.length()).append(':').append(value));
        return encoded.toString();
    }

    static Map<String, String> decodeMetadata(String encoded) {
        Map<String, String> metadata = new HashMap<>();
        int at = 0;
        while (encoded != null && at < encoded.length()) {
            int keyColon = encoded.indexOf(':', at);
            int keyEnd = keyColon + 1 + Integer.parseInt(encoded, at, keyColon, 10);
            int valueColon = encoded.indexOf(':', keyEnd);
            int valueEnd = valueColon + 1 + Integer.parseInt(encoded, keyEnd, valueColon, 10);
            metadata.put(encoded.substring(keyColon + 1, keyEnd), encoded.substring(valueColon + 1, valueEnd));
            at = valueEnd;
        }
        return metadata;
    }

    private interface IndexWrite {
        Object apply() throws IOException;
    }

    /**
     * Applies one change and commits it. When anything fails, everything since the last commit is
     * rolled back, so the failed change never shows up later with another one's commit, and a new
     * writer is opened on the index as it was.
     */
    private void write(IndexWrite change) {
        try {
            change.apply();
            writer.commit();
        } catch (IOException | RuntimeException e) {
            rollBack(e);
            throw new AegisException(ErrorType.DATABASE_ERROR, "the Lucene index could not be written; the change was rolled back", e);
        }
        idleMerge.written();
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new AegisException(ErrorType.DATABASE_ERROR, "the Lucene index was written but could not be reopened for search", e);
        }
    }

    private void rollBack(Exception failure) {
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        try {
            searchers.close();
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.APPEND));
            writer.setLiveCommitData(commitData.entrySet());
            searchers = new SearcherManager(writer, warmingChunks());
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
            LOG.log(Level.SEVERE, "could not reopen the Lucene index after a rollback; the store is down", e);
        }
    }

    private SearcherFactory warmingChunks() {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                chunkTable.warm(reader);
                return new IndexSearcher(reader);
            }
        };
    }

    private interface Search<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T search(Search<T> search) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return search.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new AegisException(ErrorType.DATABASE_ERROR, "the Lucene index could not be read", e);
        }
    }
}
