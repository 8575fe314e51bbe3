package nova.activities.memory;

import com.pgvector.PGvector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import nova.workflows.memory.messages.NewMemory;
import nova.workflows.memory.messages.StoredMemory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Stores memories: all of a request or none of it. Texts are checked, chunked and embedded before
 * the one transaction that writes them; a text already in its scope is answered with the memory
 * stored first. Each chunk is embedded with every model in use, the one being built included, so an
 * admin's model switch never misses what arrives while it runs.
 */
final class MemoryStore {
  private final MetadataJson metadata;
  public static final int MAX_CHARS = 100_000;
  public static final int MAX_ITEMS = 256;
  public static final int MAX_METADATA_BYTES = 8192;

  private final Jdbi jdbi;
  private final Scopes scopes;
  private final Embedders embedders;

  MemoryStore(Jdbi jdbi, Embedders embedders, MetadataJson metadata) {
    this.metadata = metadata;
    this.jdbi = jdbi;
    this.scopes = new Scopes(jdbi);
    this.embedders = embedders;
  }

  private record Item(
      int index,
      String scope,
      String content,
      byte[] sha256,
      String metadata,
      String createdBy,
      List<String> chunks) {
    String key() {
      return scope + ':' + HexFormat.of().formatHex(sha256);
    }
  }

  public List<StoredMemory> store(List<NewMemory> memories) {
    if (memories == null || memories.isEmpty())
      throw new BadMemoryRequest("items must list 1 to " + MAX_ITEMS + " memories");
    if (memories.size() > MAX_ITEMS)
      throw new BadMemoryRequest(
          "items lists " + memories.size() + " memories; at most " + MAX_ITEMS + " a request");
    String field = memories.size() > 1 ? "items[%d]." : "";
    List<Item> items =
        IntStream.range(0, memories.size())
            .mapToObj(i -> checked(i, memories.get(i), field.formatted(i)))
            .toList();
    Map<String, Item> firsts = new LinkedHashMap<>();
    items.forEach(item -> firsts.putIfAbsent(item.key(), item));
    Map<String, UUID> ids = existing(firsts.values());
    Set<String> duplicates = new HashSet<>(ids.keySet());
    List<Item> toWrite =
        firsts.values().stream().filter(item -> !ids.containsKey(item.key())).toList();
    List<String> texts = toWrite.stream().flatMap(item -> item.chunks().stream()).toList();
    Map<String, List<float[]>> vectors = new HashMap<>();
    for (MemoryModel model : models()) vectors.put(model.model(), embed(model, texts));
    jdbi.useTransaction(h -> write(h, toWrite, texts, vectors, ids, duplicates));
    return items.stream()
        .map(
            item ->
                new StoredMemory(
                    ids.get(item.key()),
                    item.scope(),
                    duplicates.contains(item.key()) || firsts.get(item.key()) != item,
                    item.chunks().size()))
        .toList();
  }

  private Item checked(int index, NewMemory memory, String field) {
    if (memory == null) throw new BadMemoryRequest(field + "memory is missing");
    String content = memory.content() == null ? "" : memory.content().strip();
    if (content.isEmpty())
      throw new BadMemoryRequest(field + "content is empty; a memory needs text");
    if (content.length() > MAX_CHARS) {
      throw new BadMemoryRequest(
          field
              + "content has "
              + content.length()
              + " characters; at most "
              + MAX_CHARS
              + " (split it into several memories)");
    }
    String stored = this.metadata.write(memory.metadata() == null ? Map.of() : memory.metadata());
    if (stored.getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
      throw new BadMemoryRequest(
          field + "metadata is larger than " + MAX_METADATA_BYTES + " bytes as JSON");
    }
    String scope;
    try {
      scope = scopes.resolve(memory.scope());
    } catch (BadMemoryRequest e) {
      throw new BadMemoryRequest(field + e.getMessage());
    }
    String by = memory.createdBy() == null ? "unknown" : memory.createdBy();
    return new Item(index, scope, content, sha256(content), stored, by, Chunker.chunks(content));
  }

  private Map<String, UUID> existing(Collection<Item> items) {
    Map<String, UUID> found = new HashMap<>();
    if (items.isEmpty()) return found;
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT m.id, m.scope || ':' || encode(m.sha256, 'hex') AS key
                    FROM unnest(CAST(:scopes AS text[]), CAST(:shas AS text[])) AS k (scope, sha)
                    JOIN memories m ON m.scope = k.scope AND m.sha256 = decode(k.sha, 'hex')\
                    """)
                .bindArray("scopes", String.class, items.stream().map(Item::scope).toList())
                .bindArray(
                    "shas",
                    String.class,
                    items.stream().map(item -> HexFormat.of().formatHex(item.sha256())).toList())
                .map((rs, ctx) -> found.put(rs.getString("key"), rs.getObject("id", UUID.class)))
                .list());
    return found;
  }

  private void write(
      Handle h,
      List<Item> items,
      List<String> texts,
      Map<String, List<float[]>> vectors,
      Map<String, UUID> ids,
      Set<String> duplicates) {
    // FOR SHARE: a model switch waits for this write, or this write waits for the switch's step.
    // The models are read
    // again after the lock, since a statement that waited on a lock sees no row inserted meanwhile
    // (READ COMMITTED).
    h.createQuery("SELECT model FROM memory_models FOR SHARE").mapTo(String.class).list();
    List<MemoryModel> models =
        h.createQuery("SELECT model, dimensions, status FROM memory_models")
            .map(MemoryModel.ROWS)
            .list();
    vectors.keySet().retainAll(models.stream().map(MemoryModel::model).toList());
    for (MemoryModel model : models)
      vectors.computeIfAbsent(model.model(), m -> embed(model, texts));
    PreparedBatch chunks =
        h.prepareBatch(
            """
            INSERT INTO memory_chunks (memory_id, ordinal, model, scope, metadata, content,
              embedding)
            VALUES (:memory, :ordinal, :model, :scope, CAST(:metadata AS jsonb), :content,
              CAST(:embedding AS vector))\
            """);
    int at = 0;
    for (Item item : items) {
      UUID id = UUID.randomUUID();
      int inserted =
          h.createUpdate(
                  """
                  INSERT INTO memories (id, scope, content, sha256, metadata, created_by)
                  VALUES (:id, :scope, :content, :sha, CAST(:metadata AS jsonb),
                    :by) ON CONFLICT (scope, sha256) DO NOTHING\
                  """)
              .bind("id", id)
              .bind("scope", item.scope())
              .bind("content", item.content())
              .bind("sha", item.sha256())
              .bind("metadata", item.metadata())
              .bind("by", item.createdBy())
              .execute();
      if (inserted == 0) { // stored by another request since the check above
        ids.put(
            item.key(),
            h.createQuery("SELECT id FROM memories WHERE scope = :scope AND sha256 = :sha")
                .bind("scope", item.scope())
                .bind("sha", item.sha256())
                .mapTo(UUID.class)
                .one());
        duplicates.add(item.key());
        at += item.chunks().size();
        continue;
      }
      ids.put(item.key(), id);
      for (int c = 0; c < item.chunks().size(); c++, at++) {
        for (Map.Entry<String, List<float[]>> model : vectors.entrySet()) {
          chunks
              .bind("memory", id)
              .bind("ordinal", c)
              .bind("model", model.getKey())
              .bind("scope", item.scope())
              .bind("metadata", item.metadata())
              .bind("content", item.chunks().get(c))
              .bind("embedding", new PGvector(model.getValue().get(at)).getValue())
              .add();
        }
      }
    }
    if (chunks.size() > 0) chunks.execute();
  }

  List<MemoryModel> models() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT model, dimensions, status FROM memory_models ORDER BY status")
                .map(MemoryModel.ROWS)
                .list());
  }

  private List<float[]> embed(MemoryModel model, List<String> texts) {
    if (texts.isEmpty()) return List.of();
    List<float[]> vectors = embedders.of(model.model()).embed(texts);
    for (float[] v : vectors) {
      if (v.length != model.dimensions()) {
        throw new IllegalStateException(
            model.model()
                + " answered "
                + v.length
                + " dimensions where "
                + model.dimensions()
                + " were recorded");
      }
    }
    return vectors;
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
