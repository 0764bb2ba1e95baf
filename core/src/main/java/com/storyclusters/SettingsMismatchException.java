package com.storyclusters;

/**
 * Thrown when an existing index was written with other fingerprint settings or another format
 * version than the ones asked for. Its message names the setting and both values; {@link
 * #setting()}, {@link #indexValue()} and {@link #requestedValue()} give them to code.
 */
public final class SettingsMismatchException extends StoryClustersException {
  private static final long serialVersionUID = 1L;
  private final String setting;
  private final String indexValue;
  private final String requestedValue;

  public SettingsMismatchException(String path, String setting, String indexValue, String requestedValue) {
    super("index at " + path + " was built with " + setting + "=" + indexValue
        + " but " + setting + "=" + requestedValue + " was requested; open it with the same "
        + "settings or build a new index");
    this.setting = setting;
    this.indexValue = indexValue;
    this.requestedValue = requestedValue;
  }

  /** The setting that differs, e.g. {@code shingleSize}. */
  public String setting() {
    return setting;
  }

  /** The value recorded in the index. */
  public String indexValue() {
    return indexValue;
  }

  /** The value asked for. */
  public String requestedValue() {
    return requestedValue;
  }
}
