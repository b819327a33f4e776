/// What `ConfigurationSource.write(_:store:)` did.
public struct LockedEdit: Sendable {
  /// The configuration as read under the lock (its warnings included).
  public var loaded: LoadedConfiguration
  /// The plan made from it and written (empty when there was nothing to change).
  public var plan: WritePlan
  public var receipts: [FileStore.Receipt]
  /// Stale temps of interrupted writes removed on taking the lock.
  public var removedTemps: [String]
}

extension ConfigurationSource {
  /// Reads the configuration, plans `edits` and writes them, all under the write lock of
  /// the folders written (issue 11 §1): a concurrent writer either waits its turn and then
  /// edits what this one wrote, or gives up with `.locked` — no edit is lost.
  ///
  /// The first read only finds which files (hence folders) the edit touches; everything is
  /// read again once the lock is held, so the plan and the changed-on-disk check see the
  /// bytes no other writer can change before the rename.
  public func write(_ edits: [RelayEdit], store: FileStore = FileStore()) throws -> LockedEdit {
    let first = try load()
    let firstPlan = try first.plan(edits)
    if firstPlan.isEmpty {
      return LockedEdit(loaded: first, plan: firstPlan, receipts: [], removedTemps: [])
    }
    let lock = try store.lock(for: firstPlan)
    defer { lock.release() }
    let loaded = try load()
    let plan = try loaded.plan(edits)
    let receipts = plan.isEmpty ? [] : try store.write(plan, holding: lock)
    return LockedEdit(loaded: loaded, plan: plan, receipts: receipts, removedTemps: lock.removedTemps)
  }
}
