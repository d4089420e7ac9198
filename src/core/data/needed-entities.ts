import type { EntityName } from '../model/canonical.js';
import type { PolicySet } from '../policy/types.js';

/**
 * The entities an evaluation of these policy sets cannot do without, each with what needs
 * it. Leads when a lead definition classes them or a funnel stage is entered on a lead
 * event (an opportunities-only setup — a goal and comp plans — needs none); opportunities when a funnel
 * stage is entered on an opportunity event, or a goal or comp plan counts deals; activities
 * when a stage or an SLA is timed by an activity event; users when a comp plan pays people
 * by role and team. Stage events are never needed (no figure reads them alone).
 */
export function findNeededEntities(sets: readonly PolicySet[]): Map<EntityName, string> {
  const needed = new Map<EntityName, string>();
  const need = (entity: EntityName, why: string) => {
    if (!needed.has(entity)) needed.set(entity, why);
  };
  for (const set of sets) {
    const events = new Map(
      set.Funnel.flatMap((f) => f.spec.events.map((e) => [e.id, { funnel: f.metadata.name, event: e }] as const)),
    );
    for (const funnel of set.Funnel) {
      for (const stage of funnel.spec.stages) {
        const entry = events.get(stage.entry)?.event;
        if (entry?.entity === 'lead')
          need('leads', `stage ${stage.id} of funnel ${funnel.metadata.name} is entered on the lead event ${entry.id}`);
        if (entry?.entity === 'opportunity')
          need(
            'opportunities',
            `stage ${stage.id} of funnel ${funnel.metadata.name} is entered on the opportunity event ${entry.id}`,
          );
        if (entry?.activity !== undefined)
          need(
            'activities',
            `stage ${stage.id} of funnel ${funnel.metadata.name} is entered on the activity event ${entry.id}`,
          );
      }
    }
    for (const definition of set.LeadDefinition)
      need('leads', `lead definition ${definition.metadata.name} classes them`);
    for (const sla of set.HandoffSla) {
      for (const id of [sla.spec.from, sla.spec.to]) {
        if (events.get(id)?.event.activity !== undefined)
          need('activities', `SLA ${sla.metadata.name} is timed by the activity event ${id}`);
      }
    }
    for (const goal of set.RevenueGoal) need('opportunities', `goal ${goal.metadata.name} counts won deals`);
    for (const plan of set.CompPlan) {
      need('opportunities', `comp plan ${plan.metadata.name} pays on deals`);
      need('users', `comp plan ${plan.metadata.name} pays people by role and team`);
    }
  }
  return needed;
}
