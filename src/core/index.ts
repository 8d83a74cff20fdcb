/**
 * The skillsnet library: everything a command does, as functions that take a database and
 * typed options and return typed results. Nothing here prints, prompts or touches the process:
 * status lines, warnings and progress arrive through callbacks (reporting.ts), questions through
 * ask-callbacks (importFiles' askMapping), Ctrl-C through an AbortSignal. The commands in
 * src/cli/ are this plus parsing and rendering; a script can do the same:
 *
 *   const db = openDatabase('call.db', { create: true });
 *   await importFiles(db, ['applications.csv'], { call: '2020' });
 *   await autoTag(db);
 *   const selection = await selectCoreGroup(db, { size: 25, minPerRegion: 3 });
 *   saveCoreGroup(db, selection);
 *
 * The CLI imports the modules themselves (lazily, per command), not this index.
 */

// Callbacks and the database
export type { Callbacks, ProgressEvent, TextSink, Warning } from '../reporting.js';
export { openDatabase, type DB, type OpenOptions } from '../db/connection.js';
export { callNames, countApplications, getApplication, iterateApplications, listApplications } from '../db/applications.js';
export { checkCallScope, checkFilterNames } from '../db/filters.js';
export type { Application, ApplicationFilters, EligibilityFilters, Region } from '../model.js';
export { parseCountry, parseLanguage, parseRegion } from '../geo/parse.js';

// Importing applications
export { importFiles, prepareFiles, type ImportHooks, type ImportOptions, type ImportReport, type FileReport, type MappingQuestion } from '../import/importer.js';
export { duplicateGroups, duplicatesOfApplication, likelyDuplicates, likelyDuplicatesOfBatches, type DuplicateGroups, type LikelyDuplicate, type LooksLike } from '../import/duplicates.js';
export { setApplicationLanguage, type LanguageChange, type LanguageChangeResult } from '../import/languages.js';
export { contactKey, identityKey, isOtherApplication, sameTitleAndContact } from '../import/identity.js';
export { explainHeader, matchHeaders, type Confidence } from '../import/headers.js';
export { rejectSheets, pickRejectSheet, type RejectSheet } from '../import/rejects.js';

// Tagging
export { autoTag, type AutoTagOptions, type AutoTagSummary } from '../tagging/auto.js';
export { categoryCounts, type CategoryCount } from '../tagging/counts.js';
export { decideTags, explainTags, tagCodes, type TagEditResult, type TagExplanation } from '../tagging/officer.js';

// Eligibility and the selection score
export {
  byScore, candidateOf, eligibleCandidates, meetsMinScore, SCORE_RULE, scoredApplications, splitEligibility, toCandidate,
  type Candidate, type ScoreSource,
} from '../selection/candidates.js';
export { combinedScores, scoreDetails, type ScoreDetails } from '../selection/scores.js';
export { applyOrder, applyRanking, callScales, ORDERS, rescale, scalesDiffer, type CallScale, type Order, type Ranking } from '../selection/ranking.js';

// Reviewers' scores
export { importScores, inferScale, parseScale, readScoreSheet, type ScoreSheet, type ScoresImport, type ScoresImportOptions, type ScoresImportResult } from '../selection/scores-import.js';

// Selecting a Core Group, saved rosters, replacing a member
export {
  checkCoreGroupOptions, coreGroupRules, describeFilters, saveCoreGroup, selectCoreGroup,
  type CoreGroupEntry, type CoreGroupJson, type CoreGroupOptions, type CoreGroupSelection, type QuotaOptions,
} from '../selection/core-group.js';
export { readQuotaFile } from '../selection/quota-file.js';
export { quotaRulesFromFlags, type Feature, type Quota, type QuotaRule } from '../selection/quotas.js';
export { quotaRulesFromRecords } from '../selection/quota-records.js';
export {
  compareRosters, loadRoster, paramDiffLines, parseRosterParams, rosterReport, savedRoster, savedRosters,
  type RosterDiffJson, type RosterEntryJson, type RosterParams, type RosterShowJson, type SavedRoster,
} from '../selection/rosters.js';
export { applyReplacement, planReplacement, type BindingQuota, type Replacement, type ReplacementOptions, type RosterReplaceJson } from '../selection/replace.js';

// The Network's events (issue 14): meetings, invitations in local time, breakout groups, the
// calendar file, attendance from Zoom and Teams, engagement. The pure parts (time zones,
// invitation rows, groups, reading and matching reports) are in events/index.ts.
export * from '../events/index.js';
export {
  addEvent, cancelEvent, deleteEvent, editEvent, eventSummaries, parseEventChanges, requireEvent, summarizeEvent,
  type EventAdded, type EventEdited, type EventInput, type EventSummary, type StoredEvent,
} from '../events/manage.js';
export { inviteMembers, invitedMembers, inviteeOf, inviteesOf, selectInvitees, uninviteMembers, type InviteResult, type InviteSelector } from '../events/invite.js';
export { planBreakoutGroups, savedGroups, type BreakoutPlan, type SavedGroups } from '../events/breakout.js';
export { invitationSheet, writeCalendar, writeInvitations, type CalendarExport, type InvitationsExport } from '../events/event-files.js';
export {
  attendeesOf, eraseAttendanceOf, findAttendanceRow, importAttendance, linkAttendanceRow, rematchEvent,
  type AttendanceErasure, type AttendanceImportResult, type LinkResult, type UnmatchedAttendance,
} from '../events/attendance/store.js';
export { engagementReport, type AttendanceFilters, type EngagementRow } from '../events/engagement-report.js';
export { databaseId } from '../db/meta.js';
export { moveEventRecords } from '../db/events.js';

// Exports
export type { ExportDone, ExportResult, ExportTarget } from '../export/export-common.js';
export { exportKumu, KUMU_FORMATS, kumuOutput, type KumuExport, type KumuExportOptions, type KumuFormat } from '../export/export-kumu.js';
export { applicationSources, CONTACT_FORMATS, contactsOutput, exportContacts, type ContactFormat, type ContactsExportOptions } from '../export/export-contacts.js';
export {
  applicationContactSource, contactName, contactsCsv, contactsFromSources, contactsOutlookCsv, phonesIn, splitName,
  type Contact, type ContactList, type ContactSource,
} from '../export/contacts.js';
export { contactsVcf } from '../export/vcard.js';
export { exportRoster, ROSTER_FORMATS, rosterOutput, type RosterExportOptions, type RosterFormat } from '../export/export-roster.js';
export { exportGraphml, graphmlOutput, type GraphmlExportOptions } from '../export/export-graphml.js';

// The network: organisations and people across calls, members, lifecycle, erase (docs/network.md)
export type { Consent, MemberFilters, MemberKind, MemberRole, MemberStatus } from '../model.js';
export { CONSENT_VALUES, MEMBER_ROLES, MEMBER_STATUSES, isMemberRole, isMemberStatus } from '../model.js';
export {
  getOrganization, getPerson, listOrganizations, organizationApplications, organizationKumuId, organizationPeople, peopleByEmail, personKumuId,
  type Organization, type OrganizationApplication, type Person,
} from '../db/organizations.js';
export {
  countMembers, getMember, listMembers, memberOfOrganization, memberOfPerson, membershipRows, membersByOrganization, type Member, type MembershipRow,
} from '../db/members.js';
export { getHistoryEntry, historyValues, listHistory, rowHistory, type HistoryEntry, type HistoryValue } from '../db/history.js';
export { exportsCarrying, listExportLog, logExport, type ExportLogEntry, type NewExportLogEntry } from '../db/export-log.js';
export { personalDataPlaces, registerPersonalDataPlace, type PersonalDataPlace } from '../db/personal-data.js';
export {
  compareOrganizations, organizationCandidates, organizationSuggestions, similarNames,
  type EvidenceKind, type OrganizationCandidate, type OrganizationLinks, type OrganizationSuggestion,
} from '../import/organizations.js';
export {
  acceptRoster, addMember, declinedSeats, defaultCohort, setMember, syncAcceptedRoster,
  type MemberAdded, type MemberChanges, type MemberInput, type MemberSetResult, type RosterAccepted,
} from '../network/members.js';
export { importMembers, type MemberImportOptions, type MemberImportReport } from '../network/member-import.js';
export { memberJson, type MemberJson } from '../network/json.js';
export { consentOf, parseConsent, parseRole, parseStatus, roleOf, statusOf } from '../network/parse.js';
export { parseSubject, subjectLabel, type Subject, type SubjectKind } from '../network/subjects.js';
export { editableFields, editRecord, parseAssignment, type EditResult, type FieldSet } from '../network/edit.js';
export { mergeRecords, unmerge, withdraw, type MergeResult, type UnmergeResult, type WithdrawResult } from '../network/merge.js';
export {
  keepApart, linkOrganizations, organizationHistory, registerTimelineSource, unlinkApplication,
  type OrganizationHistory, type TimelineItem, type TimelineSource,
} from '../network/organizations.js';
export { ERASED, erasePerson, findErasable, type EraseReport } from '../network/erase.js';
export { membersWithoutApplications, networkActors, type NetworkActors } from '../export/actors.js';
export {
  buildNetwork, CONNECTION_TYPES, ELEMENT_TYPES,
  type Membership, type Network, type NetworkLink, type NetworkNode, type NetworkOptions, type OrganizationNode, type OrganizationSource, type PersonNode, type PersonSource,
} from '../export/network.js';
