extension ContainerDrift {
  /// `dms-relay drift --json`: the version the container reports and each difference with how
  /// to apply it (`{"version", "drift": [{"kind", "name", "detail", "apply"}]}`).
  public static func json(version: String?, items: [DriftItem], to sink: (UnsafeRawBufferPointer) -> Void) {
    var json = JSONWriter(capacity: 1024)
    json.beginObject()
    json.member("version", version)
    json.key("drift")
    json.beginArray()
    for item in items {
      json.beginObject()
      json.member("kind", item.kind.rawValue)
      json.member("name", item.name)
      json.member("detail", item.detail)
      json.member("apply", item.howToApply)
      json.endObject()
    }
    json.endArray()
    json.endObject()
    json.finish(to: sink)
  }
}
