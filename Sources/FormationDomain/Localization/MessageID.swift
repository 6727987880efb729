/// Every message a person reads has an id here and a text in each language's catalogue
/// (`Catalogue+English.swift`, `Catalogue+Spanish.swift`). Placeholders are `{0}`, `{1}`…
public enum MessageID: String, Sendable, CaseIterable {
    // Domain validation
    case malformedIdentifier
    case invalidDate
    case invalidTimeZone
    case emptyName
    case datesOutOfOrder
    case invalidValue
    case invalidDuration
    case participantLimits
    case outlineTooLong
    case duplicateWorkshop
    case unknownPrerequisite
    case prerequisiteCycle
    case selfPrerequisite
    case missingLanguageText
    case invalidDateTime
    case conflictPersonDoubleBooked
    case conflictOutsideBattle
    case conflictPlaceDoubleBooked
    case conflictOnShift
    case conflictMissingPrerequisite
    case conflictOverCapacity
    case conflictInexperiencedFacilitator
    case conflictHard
    case conflictSoft
    case conflictForced
    case unknownPeople
    case sheetBadRow
    case sheetBadStatus
    case fileNotText
    // Lookups
    case notFound
    case ambiguous
    case alreadyExists
    case kindPlant, kindPerson, kindBattle, kindCurriculum, kindWorkshop, kindSession
    // Storage
    case databaseTooNew
    case databaseNotSQLite
    case databaseBusy
    case databaseReadOnly
    case databaseOpenFailed
    case databaseFailure
    // Files
    case fileMissing
    case fileUnreadable
    case fileIsDirectory
    case outputUnwritable
    // XML interchange
    case xmlNotWellFormed
    case xmlSchemaViolation
    case xmlDoctypeRefused
    case xmlFileTooLarge
    case xmlTextTooLong
    case xmlTooManyAttributes
    case xmlTooManyNamespaces
    case xmlTooDeep
    case xmlTagTooLong
    case xmlNulByte
    case xmlEncodingRefused
    case xmlUnknownDocument
    case xmlEmptyInput
    case xmlMissingLanguage
    // Import
    case importSummary
    case importUnchanged
    case importReplaced
    case importSkippedOlder
    case importAdded
    case versionConflict
    case conflictField
    case tooManyErrors
    case validationOK
    case nothingWritten
    case conflictAdded
    case conflictRemoved
    case conflictMetadata
    case importChecked
    case importNothingToDo
    case exportWritten
    // Diff
    case diffAdded, diffRemoved, diffChanged, diffNone, diffHeader, diffMetadata
    // Lists and shows
    case emptyList
    case headingID, headingName, headingState, headingSector, headingOwnership, headingPlant
    case headingStart, headingEnd, headingTimeZone, headingRetired, headingVersion, headingTitle
    case headingWorkshops, headingCurriculum, headingDuration, headingCategory, headingCouncil
    case headingLicense, headingDerivedFrom, headingObjectives, headingPrerequisites, headingMaterials
    case headingCompetencies, headingOutline, headingParticipants, headingSummary, headingDescription
    case headingBattles, headingPeople, headingDays, headingMinutes, headingLanguageMissing
    case headingWhen
    case headingPlaceColumn
    case headingWorkshopColumn
    case headingFacilitatorsColumn
    case headingCount
    case cancelledMark
    case noSessions
    case noConflicts
    case conflictHardMark
    case conflictForcedMark
    case conflictSoftMark
    case sheetTitle
    case headingBattle
    case headingDate
    case headingTime
    case headingPlaceLabel
    case headingFacilitatorsLabel
    case headingSessionID
    case sheetName
    case sheetPlant
    case sheetSignature
    case sheetFooter
    case yes, no, none
    case participantsRange, participantsAtLeast, participantsAtMost
    case ownershipState, ownershipWorkerControlled, ownershipPrivate
    case sectorPublic, sectorPrivate
    case categoryTechnical, categoryOrganisational, categoryPolitical, categorySafety
    // Help
    case helpFormation
    case helpDatabase
    case helpLang
    case helpLangInvalid
    case helpFormat
    case helpPlant
    case helpPlantAdd
    case helpPlantList
    case helpName
    case helpState
    case helpPlantSector
    case helpOwnership
    case helpPerson
    case helpPersonAdd
    case helpPersonList
    case helpPersonShow
    case helpHomePlant
    case helpRetired
    case helpPersonSector
    case helpPersonRef
    case helpBattle
    case helpBattleAdd
    case helpBattleList
    case helpBattleShow
    case helpBattlePlant
    case helpStartDate
    case helpEndDate
    case helpTimeZone
    case helpBattleRef
    case helpCurriculum
    case helpCurriculumList
    case helpCurriculumShow
    case helpCurriculumID
    case helpWorkshop
    case helpWorkshopList
    case helpWorkshopShow
    case helpWorkshopRef
    case helpImport
    case helpValidate
    case helpFiles
    case helpReplace
    case helpExport
    case helpOutput
    case helpDiff
    case helpDiffSide
    case helpSession
    case helpSessionAdd
    case helpStartTime
    case helpEndTime
    case helpPlace
    case helpFacilitator
    case helpFacilitatorMissing
    case helpForce
    case helpSessionList
    case helpDay
    case helpSessionCancel
    case helpSessionRef
    case helpSessionSheet
    case helpShift
    case helpShiftAdd
    case helpShiftPerson
    case helpShiftPersonMissing
    case helpAttend
    case helpRole
    case helpStatus
    case helpCSV
    case helpAttendNobody
    case helpBattleCheck
}
