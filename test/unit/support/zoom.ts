/**
 * A Zoom attendance report as Zoom writes it (a meeting summary, a blank line, then one row per
 * participant's connection), for tests of attendance: a meeting of 19 November 2020, 13:58–16:00.
 */
export function zoomReport(topic: string, participants: string[]): string {
  return [
    'Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants,',
    `92344172086,${topic},11/19/2020 01:58:00 PM,11/19/2020 04:00:00 PM,host@example.org,122,${participants.length},`,
    '',
    'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent',
    ...participants,
  ].join('\n') + '\n';
}
