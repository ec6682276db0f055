import Reporting

/// Something worth knowing about how a template was read (said once per command), e.g. a nested
/// `TemplateURL` naming a SAM build output that does not exist, taken from its source template.
public struct TemplateNoteEvent: FerryEvent {
    /// The note.
    public let note: String

    /// An event.
    public init(note: String) { self.note = note }

    /// `template.note`.
    public var kind: String { "template.note" }
    /// Info.
    public var level: EventLevel { .info }
    /// `note: ...`.
    public var message: String { "note: \(note)" }
}
