import Reporting

/// Something worth knowing about how a template was read (said once per command), e.g. a nested
/// `TemplateURL` naming a SAM build output that does not exist, taken from its source template.
package struct TemplateNoteEvent: FerryEvent {
    /// The note.
    package let note: String

    /// An event.
    package init(note: String) { self.note = note }

    /// `template.note`.
    package var kind: String { "template.note" }
    /// Info.
    package var level: EventLevel { .info }
    /// `note: ...`.
    package var message: String { "note: \(note)" }
}
