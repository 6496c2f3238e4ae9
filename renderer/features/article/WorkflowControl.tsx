import { useEffect, useId, useState, type JSX } from 'react';

import { samePerson } from '../../../shared/comments';
import { ASSIGNED_STEPS, type Article, type AssignedStep } from '../../../shared/domain';
import { api, errorMessage } from '../../api';
import { Dialog } from '../../components/Dialog';
import { FormProblem } from '../../components/FormProblem';
import { assignmentLabel } from '../library/summaries';

/** Who has the story and who has it next: the owner, the person assigned and for what, and whether others suggest. */
export type Workflow = Pick<Article, 'owner' | 'assignee' | 'assignedStep' | 'othersSuggest'>;

const STEP_LABELS: Record<AssignedStep, string> = { editing: 'Editing', 'fact-check': 'Fact-check', review: 'Review' };

/** The names the dialog offers: the people of the desk and everyone who has commented, and the person. */
function usePeople(person: string): string[] {
  const [people, setPeople] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    api.invoke('comments:people', {}).then(
      (names) => {
        if (current) setPeople(names);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return person.trim() === '' || people.some((name) => samePerson(name, person)) ? people : [person, ...people];
}

function WorkflowDialog({
  articleId,
  workflow,
  person,
  onChanged,
  onClose,
}: {
  articleId: Article['id'];
  workflow: Workflow;
  person: string;
  onChanged: (article: Article) => void;
  onClose: () => void;
}): JSX.Element {
  const ids = useId();
  const people = usePeople(person);
  const [owner, setOwner] = useState(workflow.owner);
  const [assignee, setAssignee] = useState(workflow.assignee);
  const [step, setStep] = useState<AssignedStep>(workflow.assignedStep ?? 'editing');
  const [othersSuggest, setOthersSuggest] = useState(workflow.othersSuggest);
  const [problems, setProblems] = useState<{ owner?: string; assignee?: string; othersSuggest?: string }>({});
  const [busy, setBusy] = useState(false);

  // Each change is its own call, so a refused one is said at its field and the others still happen.
  const save = async () => {
    setBusy(true);
    const found: typeof problems = {};
    const attempt = async (field: keyof typeof problems, call: () => Promise<Article>) => {
      try {
        onChanged(await call());
      } catch (error) {
        found[field] = errorMessage(error);
      }
    };
    if (owner.trim() !== workflow.owner)
      await attempt('owner', () => api.invoke('articles:setOwner', { id: articleId, owner: owner.trim() }));
    const to = assignee.trim();
    if (to !== workflow.assignee || (to !== '' && step !== workflow.assignedStep))
      await attempt('assignee', () =>
        api.invoke('articles:assign', { id: articleId, assignee: to, ...(to === '' ? {} : { step }) }),
      );
    if (othersSuggest !== workflow.othersSuggest)
      await attempt('othersSuggest', () =>
        api.invoke('articles:setOthersSuggest', { id: articleId, value: othersSuggest }),
      );
    setBusy(false);
    setProblems(found);
    if (Object.keys(found).length === 0) onClose();
  };

  return (
    <Dialog
      title="Owner and assignment"
      onClose={onClose}
      className="dialog--workflow"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${ids}-form`} className="button button--primary" disabled={busy}>
            Save
          </button>
        </>
      }
    >
      <form
        id={`${ids}-form`}
        className="workflow-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <datalist id={`${ids}-people`}>
          {people.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <label className="workflow-form__field">
          <span>Owner</span>
          <input
            className="input"
            list={`${ids}-people`}
            value={owner}
            aria-invalid={problems.owner === undefined ? undefined : true}
            onChange={(event) => setOwner(event.target.value)}
          />
        </label>
        <FormProblem problem={problems.owner ?? null} />
        <div className="workflow-form__row">
          <label className="workflow-form__field">
            <span>Assigned to</span>
            <input
              className="input"
              list={`${ids}-people`}
              value={assignee}
              placeholder="Nobody"
              aria-invalid={problems.assignee === undefined ? undefined : true}
              onChange={(event) => setAssignee(event.target.value)}
            />
          </label>
          <label className="workflow-form__field">
            <span>For</span>
            <select
              className="input"
              value={step}
              disabled={assignee.trim() === ''}
              onChange={(event) => setStep(ASSIGNED_STEPS.find((known) => known === event.target.value) ?? 'editing')}
            >
              {ASSIGNED_STEPS.map((known) => (
                <option key={known} value={known}>
                  {STEP_LABELS[known]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <FormProblem problem={problems.assignee ?? null} />
        <label className="workflow-form__check">
          <input type="checkbox" checked={othersSuggest} onChange={(event) => setOthersSuggest(event.target.checked)} />
          Everyone but the owner suggests their changes (Suggesting is on when they open the story)
        </label>
        <FormProblem problem={problems.othersSuggest ?? null} />
      </form>
    </Dialog>
  );
}

/**
 * The story's owner and who it is assigned to, beside its status: a button that says it, and
 * opens the dialog to change it. Every change is kept in History with who made it and when.
 */
export function WorkflowControl({
  article,
  person,
  onChanged,
}: {
  article: Article;
  person: string;
  /** The story as the library holds it after a change. */
  onChanged: (article: Article) => void;
}): JSX.Element {
  const [workflow, setWorkflow] = useState<Workflow>(article);
  const [open, setOpen] = useState(false);
  const assigned = assignmentLabel(workflow.assignee, workflow.assignedStep);
  return (
    <>
      <button
        type="button"
        className="button button--small button--quiet workflow-control"
        aria-haspopup="dialog"
        title={workflow.owner === '' ? 'Nobody owns this story' : `Owned by ${workflow.owner}`}
        onClick={() => setOpen(true)}
      >
        {assigned === '' ? 'Assign…' : `For ${assigned}`}
      </button>
      {open ? (
        <WorkflowDialog
          articleId={article.id}
          workflow={workflow}
          person={person}
          onChanged={(changed) => {
            setWorkflow(changed);
            onChanged(changed);
          }}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
