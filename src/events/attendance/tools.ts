/** The tool that wrote an attendance report, as the officer knows it: Google Meet and Webex are read as Zoom's kind of report (source 'zoom'). */
export type ReportTool = 'zoom' | 'teams' | 'meet' | 'webex';

/** The tool's name for messages and tables. */
export const TOOL_NAMES: Record<ReportTool, string> = { zoom: 'Zoom', teams: 'Teams', meet: 'Google Meet', webex: 'Webex' };
