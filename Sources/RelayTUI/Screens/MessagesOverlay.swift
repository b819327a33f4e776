import RelayModel

/// Enter on screen 6: a sender domain's messages from the mail log, newest first.
enum MessagesOverlay {
  static let widest = 120

  static func render<S: Surface>(_ state: AppState, domain: String, scroll: Int, into surface: inout S) {
    let messages = Array((state.observed.log?.messages(forDomain: domain) ?? []).reversed())
    let box = Overlay.centred(width: widest, height: max(messages.count - scroll, 1) + 2, in: surface.size)
    let kept = messages.count == ObservedLog.messagesKept ? " (the latest \(ObservedLog.messagesKept))" : ""
    surface.box(
      top: box.top, left: box.left, width: box.width, height: box.height,
      title: "Messages from \(domain): \(messages.count)\(kept), newest first")
    for (index, message) in messages.dropFirst(scroll).prefix(box.innerRows).enumerated() {
      surface.put(
        ObservedScreenText.message(message), at: Point(row: box.top + 1 + index, column: box.innerLeft),
        width: box.innerWidth)
    }
  }
}
