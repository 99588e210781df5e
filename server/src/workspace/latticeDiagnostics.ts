// Lattice findings and host-source problems as FileProblems: what the service turns into
// diagnostics for every file involved.
import { FileProblem } from '../diagnostics';
import { Finding } from '../lattice/model';
import { LatticeAnalysis } from './latticeAnalysis';

export function findingToProblem(finding: Finding): FileProblem {
  return {
    file: finding.at.file,
    start: finding.at.start,
    end: finding.at.end,
    code: finding.code,
    message: finding.message,
    severity: finding.severity,
    related: finding.related.map((r) => ({ file: r.at.file, start: r.at.start, end: r.at.end, message: r.message })),
    // A fix edits the file the finding is shown in; fixes elsewhere are left to that file's finding.
    fixes: finding.fixes.filter((f) => f.at.file === finding.at.file).map((f) => ({ title: f.title, start: f.at.start, end: f.at.end, newText: f.newText })),
  };
}

export function latticeProblems(analysis: LatticeAnalysis): FileProblem[] {
  return [...analysis.sourceProblems, ...analysis.findings.map(findingToProblem)];
}
