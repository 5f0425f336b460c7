"""The committed JSON Schema compiled to Python: whether a spec's data is valid, nothing more.

Generated from the models by `python -m codify.fastpath`; do not edit. codify.fastpath says
how it is used and why.
"""

# fmt: off
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

MODELS_DIGEST = 'd62bc6d59f32800510af7'


def _integer(x: Any) -> bool:
    if isinstance(x, bool):
        return False
    if isinstance(x, float):
        return x.is_integer()
    return isinstance(x, int)


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _equal(a: Any, b: Any) -> bool:
    """Equality as JSON Schema means it: true is not 1, and 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    if _number(a) and _number(b):
        return bool(a == b)
    return type(a) is type(b) and bool(a == b)


def _unique(x: list[Any]) -> bool:
    return all(not _equal(x[i], x[j]) for i in range(len(x)) for j in range(i))


_MISSING = object()
_c2 = re.compile('^[a-z][a-z0-9_-]*\\Z').search
_c20 = frozenset(['adaptations', 'decided_by', 'default', 'examples', 'guardrails', 'id', 'materials', 'name', 'requires_approval', 'roles'])
_c23 = re.compile('^(?:(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|[0-9]{2}(?:[0-9]X|XX)|[0-9]{4}-XX(?:-XX)?|[0-9]{4}-[0-9]{2}-XX)[?~%]?|(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?[?~%]?|\\.\\.)/(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?[?~%]?|\\.\\.))\\Z').search
_c32 = frozenset(['basis', 'count', 'date', 'description', 'out_of', 'qualifier', 'reference', 'scope', 'unit'])
_c36 = frozenset(['context', 'form'])
_c40 = frozenset(['description', 'score'])
_c42 = frozenset(['individual', 'pathway', 'practice', 'service', 'site', 'system', 'team'])
_c43 = frozenset(['clinical', 'community', 'mixed'])
_c49 = frozenset(['label', 'max', 'meaning', 'meets_standard', 'min'])
_c51 = frozenset(['estimated', 'modelled', 'observed'])
_c52 = frozenset(['high', 'low', 'moderate', 'very_low'])
_c53 = frozenset(['breaking', 'compatible', 'editorial'])
_c57 = frozenset(['count', 'note', 'rule'])
_c59 = frozenset(['all', 'at_least'])
_c67 = frozenset(['adopters', 'condition', 'embedding', 'organisation', 'technology', 'value_proposition', 'wider_system'])
_c69 = frozenset(['complex', 'complicated', 'simple'])
_c75 = frozenset(['id', 'name', 'required', 'spec', 'summary'])
_c82 = frozenset(['email', 'name', 'organisation', 'role', 'url'])
_c104 = frozenset(['alternative_forms', 'evidence', 'fidelity', 'form', 'function', 'id', 'materials', 'name', 'rationale', 'roles'])
_c118 = frozenset(['core_elements', 'data_sources', 'dimension', 'id', 'method', 'minimum', 'name', 'scale'])
_c120 = frozenset(['document_review', 'interview', 'observation', 'record_review', 'routine_data', 'self_report', 'survey'])
_c138 = frozenset(['by_mode', 'duration', 'formats', 'group_size', 'intensity', 'modes', 'period', 'procedures', 'schedule'])
_c140 = frozenset(['group', 'individual', 'organisation'])
_c141 = frozenset(['app', 'automated_message', 'face_to_face', 'hybrid', 'online', 'remote_monitoring', 'sms', 'telephone', 'web', 'written'])
_c144 = frozenset(['level', 'notes'])
_c151 = frozenset(['basis', 'direction', 'estimate', 'name', 'primary'])
_c168 = frozenset(['basis', 'certainty', 'design', 'direction', 'endpoints', 'findings', 'kind', 'limitations', 'population', 'reference', 'references'])
_c170 = frozenset(['harm', 'mixed', 'no_effect', 'supports'])
_c171 = frozenset(['cost', 'effectiveness', 'experience', 'implementation', 'need', 'safety'])
_c189 = frozenset(['approach', 'assessors', 'bands', 'criteria', 'frequency', 'instrument', 'results', 'strategies', 'unit'])
_c191 = frozenset(['content', 'coverage', 'duration', 'frequency', 'participant_responsiveness', 'quality_of_delivery', 'timeliness'])
_c198 = frozenset(['basis', 'date', 'reference', 'score', 'site', 'summary'])
_c200 = frozenset(['format', 'personnel', 'population', 'setting'])
_c201 = frozenset(['administrator', 'community_members', 'delivery_team', 'developer', 'funder', 'political_leaders', 'practitioner', 'programme_leader', 'programme_manager', 'recipients', 'researcher', 'unknown'])
_c202 = frozenset(['fidelity_consistent', 'fidelity_inconsistent', 'unknown'])
_c203 = frozenset(['address_cultural_factors', 'improve_effectiveness', 'improve_feasibility', 'improve_fidelity', 'improve_fit', 'improve_sustainability', 'increase_adoption', 'increase_reach', 'increase_retention', 'increase_satisfaction', 'reduce_cost'])
_c204 = frozenset(['cohort', 'individual_practitioner', 'individual_recipient', 'network', 'organisation', 'target_group', 'unit'])
_c205 = frozenset(['adding_elements', 'departing_then_returning', 'drift', 'integrating_another_treatment', 'integrating_into_another_framework', 'lengthening', 'loosening_structure', 'packaging_or_materials', 'removing_elements', 'reordering', 'repeating_elements', 'shortening', 'spreading', 'substituting', 'tailoring'])
_c206 = frozenset(['planned_proactive', 'planned_reactive', 'unknown', 'unplanned_reactive'])
_c207 = frozenset(['organisation', 'provider', 'recipient', 'sociopolitical'])
_c208 = frozenset(['content', 'context', 'implementation_and_scale_up', 'training_and_evaluation'])
_c209 = frozenset(['implementation', 'maintenance', 'pre_implementation', 'scale_up'])
_c215 = frozenset(['funder', 'kind', 'period', 'purpose', 'reference'])
_c217 = frozenset(['academic', 'charity', 'industry', 'mixed', 'other', 'public'])
_c220 = frozenset(['definition', 'term'])
_c224 = frozenset(['max', 'min'])
_c228 = frozenset(['core_element', 'note'])
_c236 = frozenset(['body', 'date', 'document', 'note', 'reference', 'stance'])
_c238 = frozenset(['does_not_recommend', 'mentions', 'predates_evidence', 'recommends', 'supports'])
_c245 = frozenset(['note', 'owner', 'provenance', 'reference', 'url', 'validated'])
_c261 = frozenset(['content_licence', 'fee', 'holder', 'previous_holders', 'spread_model', 'standard_setter', 'terms', 'territory', 'tiers', 'url'])
_c267 = frozenset(['name', 'note', 'place', 'reference'])
_c272 = frozenset(['description', 'reference', 'site'])
_c282 = frozenset(['audience', 'description', 'id', 'licence', 'path', 'provided_by', 'title', 'url'])
_c288 = frozenset(['duration', 'group_size', 'mode', 'note'])
_c323 = frozenset(['context', 'date', 'decided_by', 'description', 'elements', 'fidelity', 'goals', 'id', 'level', 'nature', 'planned', 'reasons', 'references', 'site', 'target', 'what', 'when'])
_c325 = frozenset(['implementation_strategy', 'intervention'])
_c328 = frozenset(['item', 'reason'])
_c335 = frozenset(['basis', 'description', 'kind', 'party', 'required'])
_c337 = frozenset(['accreditation', 'brand', 'fees', 'fidelity_review', 'other', 'reporting', 'training'])
_c341 = frozenset(['note', 'option', 'requires_approval'])
_c344 = frozenset(['literal'])
_c359 = frozenset(['derived_from', 'first_delivered', 'history', 'innovators', 'organisation', 'place', 'references'])
_c369 = frozenset(['id', 'level', 'measure', 'name', 'references', 'timing'])
_c371 = frozenset(['adopter', 'central', 'commissioner', 'partner'])
_c379 = frozenset(['description', 'id', 'kind', 'name', 'responsibilities'])
_c387 = frozenset(['guidance', 'options', 'range'])
_c391 = frozenset(['family', 'given'])
_c400 = frozenset(['goal', 'id', 'name', 'steps', 'timescale'])
_c409 = frozenset(['description', 'exclusion', 'inclusion'])
_c415 = frozenset(['end', 'name', 'note', 'start'])
_c429 = frozenset(['automated', 'description', 'id', 'materials', 'name', 'party', 'roles', 'timing'])
_c437 = frozenset(['core_elements', 'id', 'practice', 'reason'])
_c439 = frozenset(['adapted', 'illustrative', 'official'])
_c440 = frozenset(['about', 'at_least', 'exactly', 'fewer_than', 'more_than', 'up_to'])
_c444 = frozenset(['max', 'min', 'unit'])
_c451 = frozenset(['mechanisms', 'summary', 'theory_of_change'])
_c458 = frozenset(['criterion', 'how_to_show', 'id', 'party', 'required'])
_c462 = frozenset(['factor', 'level'])
_c478 = frozenset(['accessed', 'authors', 'details', 'doi', 'id', 'publisher', 'title', 'type', 'url', 'year'])
_c480 = frozenset(['article-journal', 'book', 'chapter', 'report', 'webpage'])
_c484 = frozenset(['reference', 'scheme', 'status'])
_c493 = frozenset(['changes', 'date', 'summary', 'transition', 'version'])
_c497 = frozenset(['description', 'level'])
_c512 = frozenset(['id', 'party', 'qualifications', 'references', 'required', 'responsibilities', 'time_commitment', 'title', 'training'])
_c521 = frozenset(['anchors', 'kind', 'max', 'min', 'yes'])
_c523 = frozenset(['rating', 'yes_no'])
_c529 = frozenset(['description', 'infrastructure', 'type'])
_c531 = frozenset(['building_capacity_and_capability', 'governing_and_assuring', 'identifying_and_communicating_priorities', 'investing_and_incentivising', 'large_scale_engagement', 'networking_and_peer_learning', 'piloting_and_rolling_out'])
_c535 = frozenset(['effect', 'lever', 'reference'])
_c537 = frozenset(['direct', 'dissemination', 'franchise', 'licence', 'network', 'none', 'open'])
_c538 = frozenset(['draft', 'mainstreamed', 'not_recommended', 'piloting', 'retired', 'spreading'])
_c551 = frozenset(['action', 'automated', 'materials', 'output', 'owner', 'party', 'roles', 'timescale'])
_c560 = frozenset(['contact', 'obligations', 'offered'])
_c566 = frozenset(['by', 'name', 'reference', 'set_by'])
_c573 = frozenset(['description', 'name', 'owner', 'supplier', 'url'])
_c586 = frozenset(['components', 'data_protection', 'hosting', 'interoperability', 'regulatory'])
_c595 = frozenset(['description', 'fee', 'id', 'name', 'obligations'])
_c599 = frozenset(['note', 'until'])
_c606 = frozenset(['description', 'name', 'references'])
_c617 = frozenset(['applies_to', 'date', 'decided_by', 'reason', 'references', 'replaced_by', 'summary'])
_c620 = re.compile('^\\d+(\\.\\d+)?\\Z').search
_c722 = frozenset(['adaptable_elements', 'adoption', 'audience', 'choose', 'complexity', 'components', 'conflicts_of_interest', 'contacts', 'core_elements', 'delivery', 'evidence', 'fidelity', 'format_version', 'funding', 'glossary', 'guidance', 'history', 'id', 'illustrative', 'licence', 'materials', 'modifications', 'name', 'not_applicable', 'origin', 'outcomes', 'owners', 'parties', 'pathway', 'population', 'problem', 'proscribed', 'rationale', 'readiness', 'references', 'roles', 'settings', 'short_name', 'spread_approaches', 'spread_lessons', 'status', 'summary', 'support', 'targets', 'technology', 'variants', 'verdict', 'version'])
_c727 = frozenset(['draft', 'mainstreamed', 'piloting', 'spreading'])


def _s7(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v8 in x:
        if not (_d_Guardrail(_v8)):
            return False
    return True


def _s12(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v13 in x:
        if not (_d_LocalAdaptation(_v13)):
            return False
    return True


def _s15(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v16 in x:
        if not ((isinstance(_v16, str)) and (_c2(_v16) is not None)):
            return False
    return True


def _s18(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v19 in x:
        if not ((isinstance(_v19, str)) and (_c2(_v19) is not None)):
            return False
    return True


def _d_AdaptableElement(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'default' in x and 'adaptations' in x and 'guardrails' in x and 'decided_by' in x):
        return False
    _v1 = x.get('id', _MISSING)
    if _v1 is not _MISSING and not ((isinstance(_v1, str)) and (_c2(_v1) is not None)):
        return False
    _v3 = x.get('name', _MISSING)
    if _v3 is not _MISSING and not ((isinstance(_v3, str)) and (len(_v3) >= 1)):
        return False
    _v4 = x.get('default', _MISSING)
    if _v4 is not _MISSING and not ((isinstance(_v4, str)) and (len(_v4) >= 1)):
        return False
    _v5 = x.get('adaptations', _MISSING)
    if _v5 is not _MISSING and not (_d_PermittedAdaptations(_v5)):
        return False
    _v6 = x.get('guardrails', _MISSING)
    if _v6 is not _MISSING and not (_s7(_v6)):
        return False
    _v9 = x.get('decided_by', _MISSING)
    if _v9 is not _MISSING and not ((isinstance(_v9, str)) and (len(_v9) >= 1)):
        return False
    _v10 = x.get('requires_approval', _MISSING)
    if _v10 is not _MISSING and not (isinstance(_v10, bool)):
        return False
    _v11 = x.get('examples', _MISSING)
    if _v11 is not _MISSING and not (_s12(_v11)):
        return False
    _v14 = x.get('roles', _MISSING)
    if _v14 is not _MISSING and not (_s15(_v14)):
        return False
    _v17 = x.get('materials', _MISSING)
    if _v17 is not _MISSING and not (_s18(_v17)):
        return False
    if not _c20.issuperset(x):
        return False
    return True


def _d_AdoptionFigure(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('date' in x and 'scope' in x and 'description' in x):
        return False
    _v22 = x.get('date', _MISSING)
    if _v22 is not _MISSING and not ((isinstance(_v22, str)) and (_c23(_v22) is not None)):
        return False
    _v24 = x.get('scope', _MISSING)
    if _v24 is not _MISSING and not ((isinstance(_v24, str)) and (len(_v24) >= 1)):
        return False
    _v25 = x.get('description', _MISSING)
    if _v25 is not _MISSING and not ((isinstance(_v25, str)) and (len(_v25) >= 1)):
        return False
    _v26 = x.get('count', _MISSING)
    if _v26 is not _MISSING and not ((_integer(_v26)) and (_v26 >= 0)):
        return False
    _v27 = x.get('out_of', _MISSING)
    if _v27 is not _MISSING and not ((_integer(_v27)) and (_v27 >= 0)):
        return False
    _v28 = x.get('unit', _MISSING)
    if _v28 is not _MISSING and not ((isinstance(_v28, str)) and (len(_v28) >= 1)):
        return False
    _v29 = x.get('qualifier', _MISSING)
    if _v29 is not _MISSING and not (_d_Qualifier(_v29)):
        return False
    _v30 = x.get('basis', _MISSING)
    if _v30 is not _MISSING and not (_d_Basis(_v30)):
        return False
    _v31 = x.get('reference', _MISSING)
    if _v31 is not _MISSING and not ((isinstance(_v31, str)) and (_c2(_v31) is not None)):
        return False
    if not _c32.issuperset(x):
        return False
    return True


def _d_AlternativeForm(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('context' in x and 'form' in x):
        return False
    _v34 = x.get('context', _MISSING)
    if _v34 is not _MISSING and not ((isinstance(_v34, str)) and (len(_v34) >= 1)):
        return False
    _v35 = x.get('form', _MISSING)
    if _v35 is not _MISSING and not ((isinstance(_v35, str)) and (len(_v35) >= 1)):
        return False
    if not _c36.issuperset(x):
        return False
    return True


def _d_Anchor(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('score' in x and 'description' in x):
        return False
    _v38 = x.get('score', _MISSING)
    if _v38 is not _MISSING and not (_integer(_v38)):
        return False
    _v39 = x.get('description', _MISSING)
    if _v39 is not _MISSING and not ((isinstance(_v39, str)) and (len(_v39) >= 1)):
        return False
    if not _c40.issuperset(x):
        return False
    return True


def _d_AssessmentUnit(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c42):
        return False
    return True


def _d_Audience(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c43):
        return False
    return True


def _d_Band(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('label' in x and 'min' in x and 'max' in x and 'meaning' in x):
        return False
    _v44 = x.get('label', _MISSING)
    if _v44 is not _MISSING and not ((isinstance(_v44, str)) and (len(_v44) >= 1)):
        return False
    _v45 = x.get('min', _MISSING)
    if _v45 is not _MISSING and not (_integer(_v45)):
        return False
    _v46 = x.get('max', _MISSING)
    if _v46 is not _MISSING and not (_integer(_v46)):
        return False
    _v47 = x.get('meaning', _MISSING)
    if _v47 is not _MISSING and not ((isinstance(_v47, str)) and (len(_v47) >= 1)):
        return False
    _v48 = x.get('meets_standard', _MISSING)
    if _v48 is not _MISSING and not (isinstance(_v48, bool)):
        return False
    if not _c49.issuperset(x):
        return False
    return True


def _d_Basis(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c51):
        return False
    return True


def _d_Certainty(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c52):
        return False
    return True


def _d_ChangeLevel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c53):
        return False
    return True


def _d_Choice(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('rule' in x):
        return False
    _v54 = x.get('rule', _MISSING)
    if _v54 is not _MISSING and not (_d_ChoiceRule(_v54)):
        return False
    _v55 = x.get('count', _MISSING)
    if _v55 is not _MISSING and not ((_integer(_v55)) and (_v55 >= 1)):
        return False
    _v56 = x.get('note', _MISSING)
    if _v56 is not _MISSING and not ((isinstance(_v56, str)) and (len(_v56) >= 1)):
        return False
    if not _c57.issuperset(x):
        return False
    return True


def _d_ChoiceRule(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c59):
        return False
    return True


def _d_Complexity(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('condition' in x and 'technology' in x and 'value_proposition' in x and 'adopters' in x and 'organisation' in x and 'wider_system' in x and 'embedding' in x):
        return False
    _v60 = x.get('condition', _MISSING)
    if _v60 is not _MISSING and not (_d_DomainRating(_v60)):
        return False
    _v61 = x.get('technology', _MISSING)
    if _v61 is not _MISSING and not (_d_DomainRating(_v61)):
        return False
    _v62 = x.get('value_proposition', _MISSING)
    if _v62 is not _MISSING and not (_d_DomainRating(_v62)):
        return False
    _v63 = x.get('adopters', _MISSING)
    if _v63 is not _MISSING and not (_d_DomainRating(_v63)):
        return False
    _v64 = x.get('organisation', _MISSING)
    if _v64 is not _MISSING and not (_d_DomainRating(_v64)):
        return False
    _v65 = x.get('wider_system', _MISSING)
    if _v65 is not _MISSING and not (_d_DomainRating(_v65)):
        return False
    _v66 = x.get('embedding', _MISSING)
    if _v66 is not _MISSING and not (_d_DomainRating(_v66)):
        return False
    if not _c67.issuperset(x):
        return False
    return True


def _d_ComplexityLevel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c69):
        return False
    return True


def _d_Component(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'summary' in x):
        return False
    _v70 = x.get('id', _MISSING)
    if _v70 is not _MISSING and not ((isinstance(_v70, str)) and (_c2(_v70) is not None)):
        return False
    _v71 = x.get('name', _MISSING)
    if _v71 is not _MISSING and not ((isinstance(_v71, str)) and (len(_v71) >= 1)):
        return False
    _v72 = x.get('summary', _MISSING)
    if _v72 is not _MISSING and not ((isinstance(_v72, str)) and (len(_v72) >= 1)):
        return False
    _v73 = x.get('spec', _MISSING)
    if _v73 is not _MISSING and not (isinstance(_v73, str)):
        return False
    _v74 = x.get('required', _MISSING)
    if _v74 is not _MISSING and not (isinstance(_v74, bool)):
        return False
    if not _c75.issuperset(x):
        return False
    return True


def _d_Contact(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x):
        return False
    _v77 = x.get('name', _MISSING)
    if _v77 is not _MISSING and not ((isinstance(_v77, str)) and (len(_v77) >= 1)):
        return False
    _v78 = x.get('role', _MISSING)
    if _v78 is not _MISSING and not ((isinstance(_v78, str)) and (len(_v78) >= 1)):
        return False
    _v79 = x.get('organisation', _MISSING)
    if _v79 is not _MISSING and not ((isinstance(_v79, str)) and (len(_v79) >= 1)):
        return False
    _v80 = x.get('email', _MISSING)
    if _v80 is not _MISSING and not (isinstance(_v80, str)):
        return False
    _v81 = x.get('url', _MISSING)
    if _v81 is not _MISSING and not (isinstance(_v81, str)):
        return False
    if not _c82.issuperset(x):
        return False
    return True


def _s89(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v90 in x:
        if not (_d_AlternativeForm(_v90)):
            return False
    return True


def _s93(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v94 in x:
        if not ((isinstance(_v94, str)) and (_c2(_v94) is not None)):
            return False
    return True


def _s96(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v97 in x:
        if not ((isinstance(_v97, str)) and (_c2(_v97) is not None)):
            return False
    return True


def _s99(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v100 in x:
        if not ((isinstance(_v100, str)) and (_c2(_v100) is not None)):
            return False
    return True


def _s102(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v103 in x:
        if not ((isinstance(_v103, str)) and (len(_v103) >= 1)):
            return False
    return True


def _d_CoreElement(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'function' in x and 'form' in x and 'rationale' in x and 'fidelity' in x):
        return False
    _v84 = x.get('id', _MISSING)
    if _v84 is not _MISSING and not ((isinstance(_v84, str)) and (_c2(_v84) is not None)):
        return False
    _v85 = x.get('name', _MISSING)
    if _v85 is not _MISSING and not ((isinstance(_v85, str)) and (len(_v85) >= 1)):
        return False
    _v86 = x.get('function', _MISSING)
    if _v86 is not _MISSING and not ((isinstance(_v86, str)) and (len(_v86) >= 1)):
        return False
    _v87 = x.get('form', _MISSING)
    if _v87 is not _MISSING and not ((isinstance(_v87, str)) and (len(_v87) >= 1)):
        return False
    _v88 = x.get('alternative_forms', _MISSING)
    if _v88 is not _MISSING and not (_s89(_v88)):
        return False
    _v91 = x.get('rationale', _MISSING)
    if _v91 is not _MISSING and not ((isinstance(_v91, str)) and (len(_v91) >= 1)):
        return False
    _v92 = x.get('evidence', _MISSING)
    if _v92 is not _MISSING and not (_s93(_v92)):
        return False
    _v95 = x.get('roles', _MISSING)
    if _v95 is not _MISSING and not (_s96(_v95)):
        return False
    _v98 = x.get('materials', _MISSING)
    if _v98 is not _MISSING and not (_s99(_v98)):
        return False
    _v101 = x.get('fidelity', _MISSING)
    if _v101 is not _MISSING and not (_s102(_v101)):
        return False
    if not _c104.issuperset(x):
        return False
    return True


def _s109(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v110 in x:
        if not ((isinstance(_v110, str)) and (_c2(_v110) is not None)):
            return False
    return True


def _s113(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v114 in x:
        if not (_d_DataSource(_v114)):
            return False
    return True


def _d_Criterion(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'core_elements' in x and 'method' in x and 'data_sources' in x and 'scale' in x):
        return False
    _v106 = x.get('id', _MISSING)
    if _v106 is not _MISSING and not ((isinstance(_v106, str)) and (_c2(_v106) is not None)):
        return False
    _v107 = x.get('name', _MISSING)
    if _v107 is not _MISSING and not ((isinstance(_v107, str)) and (len(_v107) >= 1)):
        return False
    _v108 = x.get('core_elements', _MISSING)
    if _v108 is not _MISSING and not (_s109(_v108)):
        return False
    _v111 = x.get('method', _MISSING)
    if _v111 is not _MISSING and not ((isinstance(_v111, str)) and (len(_v111) >= 1)):
        return False
    _v112 = x.get('data_sources', _MISSING)
    if _v112 is not _MISSING and not (_s113(_v112)):
        return False
    _v115 = x.get('dimension', _MISSING)
    if _v115 is not _MISSING and not (_d_FidelityDimension(_v115)):
        return False
    _v116 = x.get('scale', _MISSING)
    if _v116 is not _MISSING and not (_d_Scale(_v116)):
        return False
    _v117 = x.get('minimum', _MISSING)
    if _v117 is not _MISSING and not (_integer(_v117)):
        return False
    if not _c118.issuperset(x):
        return False
    return True


def _d_DataSource(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c120):
        return False
    return True


def _s122(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v123 in x:
        if not (_d_DeliveryMode(_v123)):
            return False
    return True


def _s125(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v126 in x:
        if not (_d_DeliveryFormat(_v126)):
            return False
    return True


def _s129(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v130 in x:
        if not (_d_Procedure(_v130)):
            return False
    return True


def _s136(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v137 in x:
        if not (_d_ModeDetail(_v137)):
            return False
    return True


def _d_Delivery(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('modes' in x and 'formats' in x and 'procedures' in x and 'schedule' in x and 'duration' in x):
        return False
    _v121 = x.get('modes', _MISSING)
    if _v121 is not _MISSING and not (_s122(_v121)):
        return False
    _v124 = x.get('formats', _MISSING)
    if _v124 is not _MISSING and not (_s125(_v124)):
        return False
    _v127 = x.get('group_size', _MISSING)
    if _v127 is not _MISSING and not (_d_GroupSize(_v127)):
        return False
    _v128 = x.get('procedures', _MISSING)
    if _v128 is not _MISSING and not (_s129(_v128)):
        return False
    _v131 = x.get('schedule', _MISSING)
    if _v131 is not _MISSING and not ((isinstance(_v131, str)) and (len(_v131) >= 1)):
        return False
    _v132 = x.get('duration', _MISSING)
    if _v132 is not _MISSING and not ((isinstance(_v132, str)) and (len(_v132) >= 1)):
        return False
    _v133 = x.get('intensity', _MISSING)
    if _v133 is not _MISSING and not ((isinstance(_v133, str)) and (len(_v133) >= 1)):
        return False
    _v134 = x.get('period', _MISSING)
    if _v134 is not _MISSING and not ((isinstance(_v134, str)) and (len(_v134) >= 1)):
        return False
    _v135 = x.get('by_mode', _MISSING)
    if _v135 is not _MISSING and not (_s136(_v135)):
        return False
    if not _c138.issuperset(x):
        return False
    return True


def _d_DeliveryFormat(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c140):
        return False
    return True


def _d_DeliveryMode(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c141):
        return False
    return True


def _d_DomainRating(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('level' in x and 'notes' in x):
        return False
    _v142 = x.get('level', _MISSING)
    if _v142 is not _MISSING and not (_d_ComplexityLevel(_v142)):
        return False
    _v143 = x.get('notes', _MISSING)
    if _v143 is not _MISSING and not ((isinstance(_v143, str)) and (len(_v143) >= 1)):
        return False
    if not _c144.issuperset(x):
        return False
    return True


def _d_Endpoint(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x):
        return False
    _v146 = x.get('name', _MISSING)
    if _v146 is not _MISSING and not ((isinstance(_v146, str)) and (len(_v146) >= 1)):
        return False
    _v147 = x.get('primary', _MISSING)
    if _v147 is not _MISSING and not (isinstance(_v147, bool)):
        return False
    _v148 = x.get('estimate', _MISSING)
    if _v148 is not _MISSING and not ((isinstance(_v148, str)) and (len(_v148) >= 1)):
        return False
    _v149 = x.get('direction', _MISSING)
    if _v149 is not _MISSING and not (_d_EvidenceDirection(_v149)):
        return False
    _v150 = x.get('basis', _MISSING)
    if _v150 is not _MISSING and not (_d_Basis(_v150)):
        return False
    if not _c151.issuperset(x):
        return False
    return True


def _s155(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v156 in x:
        if not ((isinstance(_v156, str)) and (_c2(_v156) is not None)):
            return False
    return True


def _s163(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v164 in x:
        if not (_d_Endpoint(_v164)):
            return False
    return True


def _d_Evidence(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('reference' in x and 'design' in x and 'findings' in x):
        return False
    _v153 = x.get('reference', _MISSING)
    if _v153 is not _MISSING and not ((isinstance(_v153, str)) and (_c2(_v153) is not None)):
        return False
    _v154 = x.get('references', _MISSING)
    if _v154 is not _MISSING and not (_s155(_v154)):
        return False
    _v157 = x.get('kind', _MISSING)
    if _v157 is not _MISSING and not (_d_EvidenceKind(_v157)):
        return False
    _v158 = x.get('direction', _MISSING)
    if _v158 is not _MISSING and not (_d_EvidenceDirection(_v158)):
        return False
    _v159 = x.get('certainty', _MISSING)
    if _v159 is not _MISSING and not (_d_Certainty(_v159)):
        return False
    _v160 = x.get('design', _MISSING)
    if _v160 is not _MISSING and not ((isinstance(_v160, str)) and (len(_v160) >= 1)):
        return False
    _v161 = x.get('findings', _MISSING)
    if _v161 is not _MISSING and not ((isinstance(_v161, str)) and (len(_v161) >= 1)):
        return False
    _v162 = x.get('endpoints', _MISSING)
    if _v162 is not _MISSING and not (_s163(_v162)):
        return False
    _v165 = x.get('population', _MISSING)
    if _v165 is not _MISSING and not ((isinstance(_v165, str)) and (len(_v165) >= 1)):
        return False
    _v166 = x.get('limitations', _MISSING)
    if _v166 is not _MISSING and not ((isinstance(_v166, str)) and (len(_v166) >= 1)):
        return False
    _v167 = x.get('basis', _MISSING)
    if _v167 is not _MISSING and not (_d_Basis(_v167)):
        return False
    if not _c168.issuperset(x):
        return False
    return True


def _d_EvidenceDirection(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c170):
        return False
    return True


def _d_EvidenceKind(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c171):
        return False
    return True


def _s176(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v177 in x:
        if not ((isinstance(_v177, str)) and (len(_v177) >= 1)):
            return False
    return True


def _s181(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v182 in x:
        if not (_d_Criterion(_v182)):
            return False
    return True


def _s184(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v185 in x:
        if not (_d_Band(_v185)):
            return False
    return True


def _s187(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v188 in x:
        if not (_d_FidelityResult(_v188)):
            return False
    return True


def _d_Fidelity(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('approach' in x and 'assessors' in x and 'frequency' in x and 'criteria' in x and 'bands' in x):
        return False
    _v172 = x.get('approach', _MISSING)
    if _v172 is not _MISSING and not ((isinstance(_v172, str)) and (len(_v172) >= 1)):
        return False
    _v173 = x.get('assessors', _MISSING)
    if _v173 is not _MISSING and not ((isinstance(_v173, str)) and (len(_v173) >= 1)):
        return False
    _v174 = x.get('frequency', _MISSING)
    if _v174 is not _MISSING and not ((isinstance(_v174, str)) and (len(_v174) >= 1)):
        return False
    _v175 = x.get('strategies', _MISSING)
    if _v175 is not _MISSING and not (_s176(_v175)):
        return False
    _v178 = x.get('instrument', _MISSING)
    if _v178 is not _MISSING and not (_d_Instrument(_v178)):
        return False
    _v179 = x.get('unit', _MISSING)
    if _v179 is not _MISSING and not (_d_AssessmentUnit(_v179)):
        return False
    _v180 = x.get('criteria', _MISSING)
    if _v180 is not _MISSING and not (_s181(_v180)):
        return False
    _v183 = x.get('bands', _MISSING)
    if _v183 is not _MISSING and not (_s184(_v183)):
        return False
    _v186 = x.get('results', _MISSING)
    if _v186 is not _MISSING and not (_s187(_v186)):
        return False
    if not _c189.issuperset(x):
        return False
    return True


def _d_FidelityDimension(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c191):
        return False
    return True


def _d_FidelityResult(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('site' in x and 'date' in x and 'summary' in x):
        return False
    _v192 = x.get('site', _MISSING)
    if _v192 is not _MISSING and not ((isinstance(_v192, str)) and (len(_v192) >= 1)):
        return False
    _v193 = x.get('date', _MISSING)
    if _v193 is not _MISSING and not ((isinstance(_v193, str)) and (_c23(_v193) is not None)):
        return False
    _v194 = x.get('score', _MISSING)
    if _v194 is not _MISSING and not (_integer(_v194)):
        return False
    _v195 = x.get('summary', _MISSING)
    if _v195 is not _MISSING and not ((isinstance(_v195, str)) and (len(_v195) >= 1)):
        return False
    _v196 = x.get('reference', _MISSING)
    if _v196 is not _MISSING and not ((isinstance(_v196, str)) and (_c2(_v196) is not None)):
        return False
    _v197 = x.get('basis', _MISSING)
    if _v197 is not _MISSING and not (_d_Basis(_v197)):
        return False
    if not _c198.issuperset(x):
        return False
    return True


def _d_FrameContext(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c200):
        return False
    return True


def _d_FrameDecider(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c201):
        return False
    return True


def _d_FrameFidelity(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c202):
        return False
    return True


def _d_FrameGoal(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c203):
        return False
    return True


def _d_FrameLevel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c204):
        return False
    return True


def _d_FrameNature(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c205):
        return False
    return True


def _d_FramePlanned(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c206):
        return False
    return True


def _d_FrameReasonLevel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c207):
        return False
    return True


def _d_FrameWhat(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c208):
        return False
    return True


def _d_FrameWhen(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c209):
        return False
    return True


def _d_Funding(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('funder' in x and 'kind' in x):
        return False
    _v210 = x.get('funder', _MISSING)
    if _v210 is not _MISSING and not ((isinstance(_v210, str)) and (len(_v210) >= 1)):
        return False
    _v211 = x.get('kind', _MISSING)
    if _v211 is not _MISSING and not (_d_FundingKind(_v211)):
        return False
    _v212 = x.get('purpose', _MISSING)
    if _v212 is not _MISSING and not ((isinstance(_v212, str)) and (len(_v212) >= 1)):
        return False
    _v213 = x.get('period', _MISSING)
    if _v213 is not _MISSING and not ((isinstance(_v213, str)) and (len(_v213) >= 1)):
        return False
    _v214 = x.get('reference', _MISSING)
    if _v214 is not _MISSING and not ((isinstance(_v214, str)) and (_c2(_v214) is not None)):
        return False
    if not _c215.issuperset(x):
        return False
    return True


def _d_FundingKind(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c217):
        return False
    return True


def _d_GlossaryTerm(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('term' in x and 'definition' in x):
        return False
    _v218 = x.get('term', _MISSING)
    if _v218 is not _MISSING and not ((isinstance(_v218, str)) and (len(_v218) >= 1)):
        return False
    _v219 = x.get('definition', _MISSING)
    if _v219 is not _MISSING and not ((isinstance(_v219, str)) and (len(_v219) >= 1)):
        return False
    if not _c220.issuperset(x):
        return False
    return True


def _d_GroupSize(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('min' in x):
        return False
    _v222 = x.get('min', _MISSING)
    if _v222 is not _MISSING and not ((_integer(_v222)) and (_v222 >= 1)):
        return False
    _v223 = x.get('max', _MISSING)
    if _v223 is not _MISSING and not ((_integer(_v223)) and (_v223 >= 1)):
        return False
    if not _c224.issuperset(x):
        return False
    return True


def _d_Guardrail(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('core_element' in x and 'note' in x):
        return False
    _v226 = x.get('core_element', _MISSING)
    if _v226 is not _MISSING and not ((isinstance(_v226, str)) and (_c2(_v226) is not None)):
        return False
    _v227 = x.get('note', _MISSING)
    if _v227 is not _MISSING and not ((isinstance(_v227, str)) and (len(_v227) >= 1)):
        return False
    if not _c228.issuperset(x):
        return False
    return True


def _d_Guidance(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('body' in x and 'document' in x and 'stance' in x):
        return False
    _v230 = x.get('body', _MISSING)
    if _v230 is not _MISSING and not ((isinstance(_v230, str)) and (len(_v230) >= 1)):
        return False
    _v231 = x.get('document', _MISSING)
    if _v231 is not _MISSING and not ((isinstance(_v231, str)) and (len(_v231) >= 1)):
        return False
    _v232 = x.get('date', _MISSING)
    if _v232 is not _MISSING and not ((isinstance(_v232, str)) and (_c23(_v232) is not None)):
        return False
    _v233 = x.get('stance', _MISSING)
    if _v233 is not _MISSING and not (_d_GuidanceStance(_v233)):
        return False
    _v234 = x.get('note', _MISSING)
    if _v234 is not _MISSING and not ((isinstance(_v234, str)) and (len(_v234) >= 1)):
        return False
    _v235 = x.get('reference', _MISSING)
    if _v235 is not _MISSING and not ((isinstance(_v235, str)) and (_c2(_v235) is not None)):
        return False
    if not _c236.issuperset(x):
        return False
    return True


def _d_GuidanceStance(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c238):
        return False
    return True


def _d_Instrument(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('provenance' in x):
        return False
    _v239 = x.get('provenance', _MISSING)
    if _v239 is not _MISSING and not (_d_Provenance(_v239)):
        return False
    _v240 = x.get('validated', _MISSING)
    if _v240 is not _MISSING and not (isinstance(_v240, bool)):
        return False
    _v241 = x.get('owner', _MISSING)
    if _v241 is not _MISSING and not ((isinstance(_v241, str)) and (len(_v241) >= 1)):
        return False
    _v242 = x.get('url', _MISSING)
    if _v242 is not _MISSING and not (isinstance(_v242, str)):
        return False
    _v243 = x.get('reference', _MISSING)
    if _v243 is not _MISSING and not ((isinstance(_v243, str)) and (_c2(_v243) is not None)):
        return False
    _v244 = x.get('note', _MISSING)
    if _v244 is not _MISSING and not ((isinstance(_v244, str)) and (len(_v244) >= 1)):
        return False
    if not _c245.issuperset(x):
        return False
    return True


def _s251(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v252 in x:
        if not (_d_PreviousHolder(_v252)):
            return False
    return True


def _s259(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v260 in x:
        if not (_d_Tier(_v260)):
            return False
    return True


def _d_Licence(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('spread_model' in x):
        return False
    _v247 = x.get('spread_model', _MISSING)
    if _v247 is not _MISSING and not (_d_SpreadModel(_v247)):
        return False
    _v248 = x.get('holder', _MISSING)
    if _v248 is not _MISSING and not ((isinstance(_v248, str)) and (len(_v248) >= 1)):
        return False
    _v249 = x.get('territory', _MISSING)
    if _v249 is not _MISSING and not ((isinstance(_v249, str)) and (len(_v249) >= 1)):
        return False
    _v250 = x.get('previous_holders', _MISSING)
    if _v250 is not _MISSING and not (_s251(_v250)):
        return False
    _v253 = x.get('standard_setter', _MISSING)
    if _v253 is not _MISSING and not ((isinstance(_v253, str)) and (len(_v253) >= 1)):
        return False
    _v254 = x.get('terms', _MISSING)
    if _v254 is not _MISSING and not ((isinstance(_v254, str)) and (len(_v254) >= 1)):
        return False
    _v255 = x.get('fee', _MISSING)
    if _v255 is not _MISSING and not ((isinstance(_v255, str)) and (len(_v255) >= 1)):
        return False
    _v256 = x.get('url', _MISSING)
    if _v256 is not _MISSING and not (isinstance(_v256, str)):
        return False
    _v257 = x.get('content_licence', _MISSING)
    if _v257 is not _MISSING and not ((isinstance(_v257, str)) and (len(_v257) >= 1)):
        return False
    _v258 = x.get('tiers', _MISSING)
    if _v258 is not _MISSING and not (_s259(_v258)):
        return False
    if not _c261.issuperset(x):
        return False
    return True


def _d_Lineage(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x):
        return False
    _v263 = x.get('name', _MISSING)
    if _v263 is not _MISSING and not ((isinstance(_v263, str)) and (len(_v263) >= 1)):
        return False
    _v264 = x.get('place', _MISSING)
    if _v264 is not _MISSING and not ((isinstance(_v264, str)) and (len(_v264) >= 1)):
        return False
    _v265 = x.get('note', _MISSING)
    if _v265 is not _MISSING and not ((isinstance(_v265, str)) and (len(_v265) >= 1)):
        return False
    _v266 = x.get('reference', _MISSING)
    if _v266 is not _MISSING and not ((isinstance(_v266, str)) and (_c2(_v266) is not None)):
        return False
    if not _c267.issuperset(x):
        return False
    return True


def _d_LocalAdaptation(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('site' in x and 'description' in x):
        return False
    _v269 = x.get('site', _MISSING)
    if _v269 is not _MISSING and not ((isinstance(_v269, str)) and (len(_v269) >= 1)):
        return False
    _v270 = x.get('description', _MISSING)
    if _v270 is not _MISSING and not ((isinstance(_v270, str)) and (len(_v270) >= 1)):
        return False
    _v271 = x.get('reference', _MISSING)
    if _v271 is not _MISSING and not ((isinstance(_v271, str)) and (_c2(_v271) is not None)):
        return False
    if not _c272.issuperset(x):
        return False
    return True


def _d_Material(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'title' in x and 'description' in x):
        return False
    _v274 = x.get('id', _MISSING)
    if _v274 is not _MISSING and not ((isinstance(_v274, str)) and (_c2(_v274) is not None)):
        return False
    _v275 = x.get('title', _MISSING)
    if _v275 is not _MISSING and not ((isinstance(_v275, str)) and (len(_v275) >= 1)):
        return False
    _v276 = x.get('description', _MISSING)
    if _v276 is not _MISSING and not ((isinstance(_v276, str)) and (len(_v276) >= 1)):
        return False
    _v277 = x.get('audience', _MISSING)
    if _v277 is not _MISSING and not ((isinstance(_v277, str)) and (len(_v277) >= 1)):
        return False
    _v278 = x.get('provided_by', _MISSING)
    if _v278 is not _MISSING and not ((isinstance(_v278, str)) and (len(_v278) >= 1)):
        return False
    _v279 = x.get('url', _MISSING)
    if _v279 is not _MISSING and not (isinstance(_v279, str)):
        return False
    _v280 = x.get('path', _MISSING)
    if _v280 is not _MISSING and not (isinstance(_v280, str)):
        return False
    _v281 = x.get('licence', _MISSING)
    if _v281 is not _MISSING and not ((isinstance(_v281, str)) and (len(_v281) >= 1)):
        return False
    if not _c282.issuperset(x):
        return False
    return True


def _d_ModeDetail(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('mode' in x):
        return False
    _v284 = x.get('mode', _MISSING)
    if _v284 is not _MISSING and not (_d_DeliveryMode(_v284)):
        return False
    _v285 = x.get('group_size', _MISSING)
    if _v285 is not _MISSING and not (_d_GroupSize(_v285)):
        return False
    _v286 = x.get('duration', _MISSING)
    if _v286 is not _MISSING and not ((isinstance(_v286, str)) and (len(_v286) >= 1)):
        return False
    _v287 = x.get('note', _MISSING)
    if _v287 is not _MISSING and not ((isinstance(_v287, str)) and (len(_v287) >= 1)):
        return False
    if not _c288.issuperset(x):
        return False
    return True


def _s298(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v299 in x:
        if not (_d_FrameDecider(_v299)):
            return False
    return True


def _s301(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v302 in x:
        if not (_d_FrameWhat(_v302)):
            return False
    return True


def _s305(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v306 in x:
        if not (_d_FrameContext(_v306)):
            return False
    return True


def _s308(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v309 in x:
        if not (_d_FrameNature(_v309)):
            return False
    return True


def _s312(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v313 in x:
        if not (_d_FrameGoal(_v313)):
            return False
    return True


def _s315(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v316 in x:
        if not (_d_Reason(_v316)):
            return False
    return True


def _s318(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v319 in x:
        if not ((isinstance(_v319, str)) and (_c2(_v319) is not None)):
            return False
    return True


def _s321(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v322 in x:
        if not ((isinstance(_v322, str)) and (_c2(_v322) is not None)):
            return False
    return True


def _d_Modification(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'description' in x and 'when' in x and 'planned' in x and 'decided_by' in x and 'what' in x and 'level' in x and 'fidelity' in x and 'goals' in x):
        return False
    _v290 = x.get('id', _MISSING)
    if _v290 is not _MISSING and not ((isinstance(_v290, str)) and (_c2(_v290) is not None)):
        return False
    _v291 = x.get('description', _MISSING)
    if _v291 is not _MISSING and not ((isinstance(_v291, str)) and (len(_v291) >= 1)):
        return False
    _v292 = x.get('site', _MISSING)
    if _v292 is not _MISSING and not ((isinstance(_v292, str)) and (len(_v292) >= 1)):
        return False
    _v293 = x.get('date', _MISSING)
    if _v293 is not _MISSING and not ((isinstance(_v293, str)) and (_c23(_v293) is not None)):
        return False
    _v294 = x.get('target', _MISSING)
    if _v294 is not _MISSING and not (_d_ModificationTarget(_v294)):
        return False
    _v295 = x.get('when', _MISSING)
    if _v295 is not _MISSING and not (_d_FrameWhen(_v295)):
        return False
    _v296 = x.get('planned', _MISSING)
    if _v296 is not _MISSING and not (_d_FramePlanned(_v296)):
        return False
    _v297 = x.get('decided_by', _MISSING)
    if _v297 is not _MISSING and not (_s298(_v297)):
        return False
    _v300 = x.get('what', _MISSING)
    if _v300 is not _MISSING and not (_s301(_v300)):
        return False
    _v303 = x.get('level', _MISSING)
    if _v303 is not _MISSING and not (_d_FrameLevel(_v303)):
        return False
    _v304 = x.get('context', _MISSING)
    if _v304 is not _MISSING and not (_s305(_v304)):
        return False
    _v307 = x.get('nature', _MISSING)
    if _v307 is not _MISSING and not (_s308(_v307)):
        return False
    _v310 = x.get('fidelity', _MISSING)
    if _v310 is not _MISSING and not (_d_FrameFidelity(_v310)):
        return False
    _v311 = x.get('goals', _MISSING)
    if _v311 is not _MISSING and not (_s312(_v311)):
        return False
    _v314 = x.get('reasons', _MISSING)
    if _v314 is not _MISSING and not (_s315(_v314)):
        return False
    _v317 = x.get('elements', _MISSING)
    if _v317 is not _MISSING and not (_s318(_v317)):
        return False
    _v320 = x.get('references', _MISSING)
    if _v320 is not _MISSING and not (_s321(_v320)):
        return False
    if not _c323.issuperset(x):
        return False
    return True


def _d_ModificationTarget(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c325):
        return False
    return True


def _d_NotApplicable(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('item' in x and 'reason' in x):
        return False
    _v326 = x.get('item', _MISSING)
    if _v326 is not _MISSING and not ((_integer(_v326)) and (_v326 <= 12) and (_v326 >= 1)):
        return False
    _v327 = x.get('reason', _MISSING)
    if _v327 is not _MISSING and not ((isinstance(_v327, str)) and (len(_v327) >= 1)):
        return False
    if not _c328.issuperset(x):
        return False
    return True


def _d_Obligation(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('kind' in x and 'description' in x):
        return False
    _v330 = x.get('kind', _MISSING)
    if _v330 is not _MISSING and not (_d_ObligationKind(_v330)):
        return False
    _v331 = x.get('description', _MISSING)
    if _v331 is not _MISSING and not ((isinstance(_v331, str)) and (len(_v331) >= 1)):
        return False
    _v332 = x.get('required', _MISSING)
    if _v332 is not _MISSING and not (isinstance(_v332, bool)):
        return False
    _v333 = x.get('basis', _MISSING)
    if _v333 is not _MISSING and not ((isinstance(_v333, str)) and (len(_v333) >= 1)):
        return False
    _v334 = x.get('party', _MISSING)
    if _v334 is not _MISSING and not ((isinstance(_v334, str)) and (_c2(_v334) is not None)):
        return False
    if not _c335.issuperset(x):
        return False
    return True


def _d_ObligationKind(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c337):
        return False
    return True


def _d_Option(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('option' in x):
        return False
    _v338 = x.get('option', _MISSING)
    if _v338 is not _MISSING and not ((isinstance(_v338, str)) and (len(_v338) >= 1)):
        return False
    _v339 = x.get('requires_approval', _MISSING)
    if _v339 is not _MISSING and not (isinstance(_v339, bool)):
        return False
    _v340 = x.get('note', _MISSING)
    if _v340 is not _MISSING and not ((isinstance(_v340, str)) and (len(_v340) >= 1)):
        return False
    if not _c341.issuperset(x):
        return False
    return True


def _d_Organisation(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('literal' in x):
        return False
    _v343 = x.get('literal', _MISSING)
    if _v343 is not _MISSING and not ((isinstance(_v343, str)) and (len(_v343) >= 1)):
        return False
    if not _c344.issuperset(x):
        return False
    return True


def _s350(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v351 in x:
        if not (_d_Lineage(_v351)):
            return False
    return True


def _s353(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v354 in x:
        if not ((isinstance(_v354, str)) and (len(_v354) >= 1)):
            return False
    return True


def _s357(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v358 in x:
        if not ((isinstance(_v358, str)) and (_c2(_v358) is not None)):
            return False
    return True


def _d_Origin(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('organisation' in x):
        return False
    _v346 = x.get('organisation', _MISSING)
    if _v346 is not _MISSING and not ((isinstance(_v346, str)) and (len(_v346) >= 1)):
        return False
    _v347 = x.get('place', _MISSING)
    if _v347 is not _MISSING and not ((isinstance(_v347, str)) and (len(_v347) >= 1)):
        return False
    _v348 = x.get('first_delivered', _MISSING)
    if _v348 is not _MISSING and not ((isinstance(_v348, str)) and (_c23(_v348) is not None)):
        return False
    _v349 = x.get('derived_from', _MISSING)
    if _v349 is not _MISSING and not (_s350(_v349)):
        return False
    _v352 = x.get('innovators', _MISSING)
    if _v352 is not _MISSING and not (_s353(_v352)):
        return False
    _v355 = x.get('history', _MISSING)
    if _v355 is not _MISSING and not ((isinstance(_v355, str)) and (len(_v355) >= 1)):
        return False
    _v356 = x.get('references', _MISSING)
    if _v356 is not _MISSING and not (_s357(_v356)):
        return False
    if not _c359.issuperset(x):
        return False
    return True


def _s367(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v368 in x:
        if not ((isinstance(_v368, str)) and (_c2(_v368) is not None)):
            return False
    return True


def _d_Outcome(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'measure' in x):
        return False
    _v361 = x.get('id', _MISSING)
    if _v361 is not _MISSING and not ((isinstance(_v361, str)) and (_c2(_v361) is not None)):
        return False
    _v362 = x.get('name', _MISSING)
    if _v362 is not _MISSING and not ((isinstance(_v362, str)) and (len(_v362) >= 1)):
        return False
    _v363 = x.get('measure', _MISSING)
    if _v363 is not _MISSING and not ((isinstance(_v363, str)) and (len(_v363) >= 1)):
        return False
    _v364 = x.get('level', _MISSING)
    if _v364 is not _MISSING and not ((isinstance(_v364, str)) and (len(_v364) >= 1)):
        return False
    _v365 = x.get('timing', _MISSING)
    if _v365 is not _MISSING and not ((isinstance(_v365, str)) and (len(_v365) >= 1)):
        return False
    _v366 = x.get('references', _MISSING)
    if _v366 is not _MISSING and not (_s367(_v366)):
        return False
    if not _c369.issuperset(x):
        return False
    return True


def _d_Party(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c371):
        return False
    return True


def _s377(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v378 in x:
        if not ((isinstance(_v378, str)) and (len(_v378) >= 1)):
            return False
    return True


def _d_PartyEntry(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'kind' in x):
        return False
    _v372 = x.get('id', _MISSING)
    if _v372 is not _MISSING and not ((isinstance(_v372, str)) and (_c2(_v372) is not None)):
        return False
    _v373 = x.get('name', _MISSING)
    if _v373 is not _MISSING and not ((isinstance(_v373, str)) and (len(_v373) >= 1)):
        return False
    _v374 = x.get('kind', _MISSING)
    if _v374 is not _MISSING and not (_d_Party(_v374)):
        return False
    _v375 = x.get('description', _MISSING)
    if _v375 is not _MISSING and not ((isinstance(_v375, str)) and (len(_v375) >= 1)):
        return False
    _v376 = x.get('responsibilities', _MISSING)
    if _v376 is not _MISSING and not (_s377(_v376)):
        return False
    if not _c379.issuperset(x):
        return False
    return True


def _s384(x: Any) -> bool:
    if not ((isinstance(x, str)) and (len(x) >= 1) or _d_Option(x)):
        return False
    return True


def _s382(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v383 in x:
        if not (_s384(_v383)):
            return False
    return True


def _d_PermittedAdaptations(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    _v381 = x.get('options', _MISSING)
    if _v381 is not _MISSING and not (_s382(_v381)):
        return False
    _v385 = x.get('range', _MISSING)
    if _v385 is not _MISSING and not (_d_Range(_v385)):
        return False
    _v386 = x.get('guidance', _MISSING)
    if _v386 is not _MISSING and not ((isinstance(_v386, str)) and (len(_v386) >= 1)):
        return False
    if not _c387.issuperset(x):
        return False
    return True


def _d_Person(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('family' in x):
        return False
    _v389 = x.get('family', _MISSING)
    if _v389 is not _MISSING and not ((isinstance(_v389, str)) and (len(_v389) >= 1)):
        return False
    _v390 = x.get('given', _MISSING)
    if _v390 is not _MISSING and not ((isinstance(_v390, str)) and (len(_v390) >= 1)):
        return False
    if not _c391.issuperset(x):
        return False
    return True


def _s398(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v399 in x:
        if not (_d_Step(_v399)):
            return False
    return True


def _d_Phase(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'goal' in x and 'timescale' in x and 'steps' in x):
        return False
    _v393 = x.get('id', _MISSING)
    if _v393 is not _MISSING and not ((isinstance(_v393, str)) and (_c2(_v393) is not None)):
        return False
    _v394 = x.get('name', _MISSING)
    if _v394 is not _MISSING and not ((isinstance(_v394, str)) and (len(_v394) >= 1)):
        return False
    _v395 = x.get('goal', _MISSING)
    if _v395 is not _MISSING and not ((isinstance(_v395, str)) and (len(_v395) >= 1)):
        return False
    _v396 = x.get('timescale', _MISSING)
    if _v396 is not _MISSING and not ((isinstance(_v396, str)) and (len(_v396) >= 1)):
        return False
    _v397 = x.get('steps', _MISSING)
    if _v397 is not _MISSING and not (_s398(_v397)):
        return False
    if not _c400.issuperset(x):
        return False
    return True


def _s404(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v405 in x:
        if not ((isinstance(_v405, str)) and (len(_v405) >= 1)):
            return False
    return True


def _s407(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v408 in x:
        if not ((isinstance(_v408, str)) and (len(_v408) >= 1)):
            return False
    return True


def _d_Population(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('description' in x):
        return False
    _v402 = x.get('description', _MISSING)
    if _v402 is not _MISSING and not ((isinstance(_v402, str)) and (len(_v402) >= 1)):
        return False
    _v403 = x.get('inclusion', _MISSING)
    if _v403 is not _MISSING and not (_s404(_v403)):
        return False
    _v406 = x.get('exclusion', _MISSING)
    if _v406 is not _MISSING and not (_s407(_v406)):
        return False
    if not _c409.issuperset(x):
        return False
    return True


def _d_PreviousHolder(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x):
        return False
    _v411 = x.get('name', _MISSING)
    if _v411 is not _MISSING and not ((isinstance(_v411, str)) and (len(_v411) >= 1)):
        return False
    _v412 = x.get('start', _MISSING)
    if _v412 is not _MISSING and not ((isinstance(_v412, str)) and (_c23(_v412) is not None)):
        return False
    _v413 = x.get('end', _MISSING)
    if _v413 is not _MISSING and not ((isinstance(_v413, str)) and (_c23(_v413) is not None)):
        return False
    _v414 = x.get('note', _MISSING)
    if _v414 is not _MISSING and not ((isinstance(_v414, str)) and (len(_v414) >= 1)):
        return False
    if not _c415.issuperset(x):
        return False
    return True


def _s421(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v422 in x:
        if not ((isinstance(_v422, str)) and (_c2(_v422) is not None)):
            return False
    return True


def _s424(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v425 in x:
        if not ((isinstance(_v425, str)) and (_c2(_v425) is not None)):
            return False
    return True


def _d_Procedure(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'description' in x):
        return False
    _v417 = x.get('id', _MISSING)
    if _v417 is not _MISSING and not ((isinstance(_v417, str)) and (_c2(_v417) is not None)):
        return False
    _v418 = x.get('name', _MISSING)
    if _v418 is not _MISSING and not ((isinstance(_v418, str)) and (len(_v418) >= 1)):
        return False
    _v419 = x.get('description', _MISSING)
    if _v419 is not _MISSING and not ((isinstance(_v419, str)) and (len(_v419) >= 1)):
        return False
    _v420 = x.get('roles', _MISSING)
    if _v420 is not _MISSING and not (_s421(_v420)):
        return False
    _v423 = x.get('materials', _MISSING)
    if _v423 is not _MISSING and not (_s424(_v423)):
        return False
    _v426 = x.get('timing', _MISSING)
    if _v426 is not _MISSING and not ((isinstance(_v426, str)) and (len(_v426) >= 1)):
        return False
    _v427 = x.get('party', _MISSING)
    if _v427 is not _MISSING and not ((isinstance(_v427, str)) and (_c2(_v427) is not None)):
        return False
    _v428 = x.get('automated', _MISSING)
    if _v428 is not _MISSING and not (isinstance(_v428, bool)):
        return False
    if not _c429.issuperset(x):
        return False
    return True


def _s435(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v436 in x:
        if not ((isinstance(_v436, str)) and (_c2(_v436) is not None)):
            return False
    return True


def _d_Proscribed(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'practice' in x and 'reason' in x):
        return False
    _v431 = x.get('id', _MISSING)
    if _v431 is not _MISSING and not ((isinstance(_v431, str)) and (_c2(_v431) is not None)):
        return False
    _v432 = x.get('practice', _MISSING)
    if _v432 is not _MISSING and not ((isinstance(_v432, str)) and (len(_v432) >= 1)):
        return False
    _v433 = x.get('reason', _MISSING)
    if _v433 is not _MISSING and not ((isinstance(_v433, str)) and (len(_v433) >= 1)):
        return False
    _v434 = x.get('core_elements', _MISSING)
    if _v434 is not _MISSING and not (_s435(_v434)):
        return False
    if not _c437.issuperset(x):
        return False
    return True


def _d_Provenance(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c439):
        return False
    return True


def _d_Qualifier(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c440):
        return False
    return True


def _d_Range(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('unit' in x):
        return False
    _v441 = x.get('min', _MISSING)
    if _v441 is not _MISSING and not (_number(_v441)):
        return False
    _v442 = x.get('max', _MISSING)
    if _v442 is not _MISSING and not (_number(_v442)):
        return False
    _v443 = x.get('unit', _MISSING)
    if _v443 is not _MISSING and not ((isinstance(_v443, str)) and (len(_v443) >= 1)):
        return False
    if not _c444.issuperset(x):
        return False
    return True


def _s449(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v450 in x:
        if not ((isinstance(_v450, str)) and (len(_v450) >= 1)):
            return False
    return True


def _d_Rationale(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('summary' in x):
        return False
    _v446 = x.get('summary', _MISSING)
    if _v446 is not _MISSING and not ((isinstance(_v446, str)) and (len(_v446) >= 1)):
        return False
    _v447 = x.get('theory_of_change', _MISSING)
    if _v447 is not _MISSING and not ((isinstance(_v447, str)) and (len(_v447) >= 1)):
        return False
    _v448 = x.get('mechanisms', _MISSING)
    if _v448 is not _MISSING and not (_s449(_v448)):
        return False
    if not _c451.issuperset(x):
        return False
    return True


def _d_ReadinessCriterion(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'criterion' in x):
        return False
    _v453 = x.get('id', _MISSING)
    if _v453 is not _MISSING and not ((isinstance(_v453, str)) and (_c2(_v453) is not None)):
        return False
    _v454 = x.get('criterion', _MISSING)
    if _v454 is not _MISSING and not ((isinstance(_v454, str)) and (len(_v454) >= 1)):
        return False
    _v455 = x.get('how_to_show', _MISSING)
    if _v455 is not _MISSING and not ((isinstance(_v455, str)) and (len(_v455) >= 1)):
        return False
    _v456 = x.get('required', _MISSING)
    if _v456 is not _MISSING and not (isinstance(_v456, bool)):
        return False
    _v457 = x.get('party', _MISSING)
    if _v457 is not _MISSING and not ((isinstance(_v457, str)) and (_c2(_v457) is not None)):
        return False
    if not _c458.issuperset(x):
        return False
    return True


def _d_Reason(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('level' in x and 'factor' in x):
        return False
    _v460 = x.get('level', _MISSING)
    if _v460 is not _MISSING and not (_d_FrameReasonLevel(_v460)):
        return False
    _v461 = x.get('factor', _MISSING)
    if _v461 is not _MISSING and not ((isinstance(_v461, str)) and (len(_v461) >= 1)):
        return False
    if not _c462.issuperset(x):
        return False
    return True


def _s470(x: Any) -> bool:
    if not (_d_Person(x) or _d_Organisation(x)):
        return False
    return True


def _s468(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v469 in x:
        if not (_s470(_v469)):
            return False
    return True


def _s467(x: Any) -> bool:
    if not ((isinstance(x, str)) and (len(x) >= 1) or _s468(x)):
        return False
    return True


def _d_Reference(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'authors' in x and 'title' in x):
        return False
    _v464 = x.get('id', _MISSING)
    if _v464 is not _MISSING and not ((isinstance(_v464, str)) and (_c2(_v464) is not None)):
        return False
    _v465 = x.get('type', _MISSING)
    if _v465 is not _MISSING and not (_d_ReferenceType(_v465)):
        return False
    _v466 = x.get('authors', _MISSING)
    if _v466 is not _MISSING and not (_s467(_v466)):
        return False
    _v471 = x.get('year', _MISSING)
    if _v471 is not _MISSING and not ((_integer(_v471)) and (_v471 <= 2100) and (_v471 >= 1800)):
        return False
    _v472 = x.get('accessed', _MISSING)
    if _v472 is not _MISSING and not ((isinstance(_v472, str)) and (_c23(_v472) is not None)):
        return False
    _v473 = x.get('title', _MISSING)
    if _v473 is not _MISSING and not ((isinstance(_v473, str)) and (len(_v473) >= 1)):
        return False
    _v474 = x.get('publisher', _MISSING)
    if _v474 is not _MISSING and not ((isinstance(_v474, str)) and (len(_v474) >= 1)):
        return False
    _v475 = x.get('details', _MISSING)
    if _v475 is not _MISSING and not ((isinstance(_v475, str)) and (len(_v475) >= 1)):
        return False
    _v476 = x.get('doi', _MISSING)
    if _v476 is not _MISSING and not (isinstance(_v476, str)):
        return False
    _v477 = x.get('url', _MISSING)
    if _v477 is not _MISSING and not (isinstance(_v477, str)):
        return False
    if not _c478.issuperset(x):
        return False
    return True


def _d_ReferenceType(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c480):
        return False
    return True


def _d_Regulation(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('scheme' in x and 'status' in x):
        return False
    _v481 = x.get('scheme', _MISSING)
    if _v481 is not _MISSING and not ((isinstance(_v481, str)) and (len(_v481) >= 1)):
        return False
    _v482 = x.get('status', _MISSING)
    if _v482 is not _MISSING and not ((isinstance(_v482, str)) and (len(_v482) >= 1)):
        return False
    _v483 = x.get('reference', _MISSING)
    if _v483 is not _MISSING and not ((isinstance(_v483, str)) and (_c2(_v483) is not None)):
        return False
    if not _c484.issuperset(x):
        return False
    return True


def _s490(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v491 in x:
        if not (_d_ReleaseChange(_v491)):
            return False
    return True


def _d_Release(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('version' in x and 'date' in x and 'summary' in x):
        return False
    _v486 = x.get('version', _MISSING)
    if _v486 is not _MISSING and not (isinstance(_v486, str)):
        return False
    _v487 = x.get('date', _MISSING)
    if _v487 is not _MISSING and not ((isinstance(_v487, str)) and (_c23(_v487) is not None)):
        return False
    _v488 = x.get('summary', _MISSING)
    if _v488 is not _MISSING and not ((isinstance(_v488, str)) and (len(_v488) >= 1)):
        return False
    _v489 = x.get('changes', _MISSING)
    if _v489 is not _MISSING and not (_s490(_v489)):
        return False
    _v492 = x.get('transition', _MISSING)
    if _v492 is not _MISSING and not (_d_Transition(_v492)):
        return False
    if not _c493.issuperset(x):
        return False
    return True


def _d_ReleaseChange(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('level' in x and 'description' in x):
        return False
    _v495 = x.get('level', _MISSING)
    if _v495 is not _MISSING and not (_d_ChangeLevel(_v495)):
        return False
    _v496 = x.get('description', _MISSING)
    if _v496 is not _MISSING and not ((isinstance(_v496, str)) and (len(_v496) >= 1)):
        return False
    if not _c497.issuperset(x):
        return False
    return True


def _s502(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v503 in x:
        if not ((isinstance(_v503, str)) and (len(_v503) >= 1)):
            return False
    return True


def _s510(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v511 in x:
        if not ((isinstance(_v511, str)) and (_c2(_v511) is not None)):
            return False
    return True


def _d_Role(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'title' in x and 'responsibilities' in x):
        return False
    _v499 = x.get('id', _MISSING)
    if _v499 is not _MISSING and not ((isinstance(_v499, str)) and (_c2(_v499) is not None)):
        return False
    _v500 = x.get('title', _MISSING)
    if _v500 is not _MISSING and not ((isinstance(_v500, str)) and (len(_v500) >= 1)):
        return False
    _v501 = x.get('responsibilities', _MISSING)
    if _v501 is not _MISSING and not (_s502(_v501)):
        return False
    _v504 = x.get('qualifications', _MISSING)
    if _v504 is not _MISSING and not ((isinstance(_v504, str)) and (len(_v504) >= 1)):
        return False
    _v505 = x.get('training', _MISSING)
    if _v505 is not _MISSING and not ((isinstance(_v505, str)) and (len(_v505) >= 1)):
        return False
    _v506 = x.get('time_commitment', _MISSING)
    if _v506 is not _MISSING and not ((isinstance(_v506, str)) and (len(_v506) >= 1)):
        return False
    _v507 = x.get('party', _MISSING)
    if _v507 is not _MISSING and not ((isinstance(_v507, str)) and (_c2(_v507) is not None)):
        return False
    _v508 = x.get('required', _MISSING)
    if _v508 is not _MISSING and not (isinstance(_v508, bool)):
        return False
    _v509 = x.get('references', _MISSING)
    if _v509 is not _MISSING and not (_s510(_v509)):
        return False
    if not _c512.issuperset(x):
        return False
    return True


def _s518(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v519 in x:
        if not (_d_Anchor(_v519)):
            return False
    return True


def _d_Scale(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('kind' in x):
        return False
    _v514 = x.get('kind', _MISSING)
    if _v514 is not _MISSING and not (_d_ScaleKind(_v514)):
        return False
    _v515 = x.get('min', _MISSING)
    if _v515 is not _MISSING and not (_integer(_v515)):
        return False
    _v516 = x.get('max', _MISSING)
    if _v516 is not _MISSING and not (_integer(_v516)):
        return False
    _v517 = x.get('anchors', _MISSING)
    if _v517 is not _MISSING and not (_s518(_v517)):
        return False
    _v520 = x.get('yes', _MISSING)
    if _v520 is not _MISSING and not ((isinstance(_v520, str)) and (len(_v520) >= 1)):
        return False
    if not _c521.issuperset(x):
        return False
    return True


def _d_ScaleKind(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c523):
        return False
    return True


def _s527(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v528 in x:
        if not ((isinstance(_v528, str)) and (len(_v528) >= 1)):
            return False
    return True


def _d_Setting(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('type' in x):
        return False
    _v524 = x.get('type', _MISSING)
    if _v524 is not _MISSING and not ((isinstance(_v524, str)) and (len(_v524) >= 1)):
        return False
    _v525 = x.get('description', _MISSING)
    if _v525 is not _MISSING and not ((isinstance(_v525, str)) and (len(_v525) >= 1)):
        return False
    _v526 = x.get('infrastructure', _MISSING)
    if _v526 is not _MISSING and not (_s527(_v526)):
        return False
    if not _c529.issuperset(x):
        return False
    return True


def _d_SpreadApproach(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c531):
        return False
    return True


def _d_SpreadLesson(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('lever' in x and 'effect' in x):
        return False
    _v532 = x.get('lever', _MISSING)
    if _v532 is not _MISSING and not ((isinstance(_v532, str)) and (len(_v532) >= 1)):
        return False
    _v533 = x.get('effect', _MISSING)
    if _v533 is not _MISSING and not ((isinstance(_v533, str)) and (len(_v533) >= 1)):
        return False
    _v534 = x.get('reference', _MISSING)
    if _v534 is not _MISSING and not ((isinstance(_v534, str)) and (_c2(_v534) is not None)):
        return False
    if not _c535.issuperset(x):
        return False
    return True


def _d_SpreadModel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c537):
        return False
    return True


def _d_Status(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c538):
        return False
    return True


def _s545(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v546 in x:
        if not ((isinstance(_v546, str)) and (_c2(_v546) is not None)):
            return False
    return True


def _s548(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v549 in x:
        if not ((isinstance(_v549, str)) and (_c2(_v549) is not None)):
            return False
    return True


def _d_Step(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('action' in x and 'owner' in x):
        return False
    _v539 = x.get('action', _MISSING)
    if _v539 is not _MISSING and not ((isinstance(_v539, str)) and (len(_v539) >= 1)):
        return False
    _v540 = x.get('owner', _MISSING)
    if _v540 is not _MISSING and not ((isinstance(_v540, str)) and (len(_v540) >= 1)):
        return False
    _v541 = x.get('timescale', _MISSING)
    if _v541 is not _MISSING and not ((isinstance(_v541, str)) and (len(_v541) >= 1)):
        return False
    _v542 = x.get('output', _MISSING)
    if _v542 is not _MISSING and not ((isinstance(_v542, str)) and (len(_v542) >= 1)):
        return False
    _v543 = x.get('party', _MISSING)
    if _v543 is not _MISSING and not ((isinstance(_v543, str)) and (_c2(_v543) is not None)):
        return False
    _v544 = x.get('roles', _MISSING)
    if _v544 is not _MISSING and not (_s545(_v544)):
        return False
    _v547 = x.get('materials', _MISSING)
    if _v547 is not _MISSING and not (_s548(_v547)):
        return False
    _v550 = x.get('automated', _MISSING)
    if _v550 is not _MISSING and not (isinstance(_v550, bool)):
        return False
    if not _c551.issuperset(x):
        return False
    return True


def _s554(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v555 in x:
        if not ((isinstance(_v555, str)) and (len(_v555) >= 1)):
            return False
    return True


def _s557(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v558 in x:
        if not (_d_Obligation(_v558)):
            return False
    return True


def _d_Support(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('offered' in x):
        return False
    _v553 = x.get('offered', _MISSING)
    if _v553 is not _MISSING and not (_s554(_v553)):
        return False
    _v556 = x.get('obligations', _MISSING)
    if _v556 is not _MISSING and not (_s557(_v556)):
        return False
    _v559 = x.get('contact', _MISSING)
    if _v559 is not _MISSING and not ((isinstance(_v559, str)) and (len(_v559) >= 1)):
        return False
    if not _c560.issuperset(x):
        return False
    return True


def _d_Target(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x):
        return False
    _v562 = x.get('name', _MISSING)
    if _v562 is not _MISSING and not ((isinstance(_v562, str)) and (len(_v562) >= 1)):
        return False
    _v563 = x.get('by', _MISSING)
    if _v563 is not _MISSING and not ((isinstance(_v563, str)) and (_c23(_v563) is not None)):
        return False
    _v564 = x.get('set_by', _MISSING)
    if _v564 is not _MISSING and not ((isinstance(_v564, str)) and (len(_v564) >= 1)):
        return False
    _v565 = x.get('reference', _MISSING)
    if _v565 is not _MISSING and not ((isinstance(_v565, str)) and (_c2(_v565) is not None)):
        return False
    if not _c566.issuperset(x):
        return False
    return True


def _d_TechComponent(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x and 'description' in x):
        return False
    _v568 = x.get('name', _MISSING)
    if _v568 is not _MISSING and not ((isinstance(_v568, str)) and (len(_v568) >= 1)):
        return False
    _v569 = x.get('description', _MISSING)
    if _v569 is not _MISSING and not ((isinstance(_v569, str)) and (len(_v569) >= 1)):
        return False
    _v570 = x.get('supplier', _MISSING)
    if _v570 is not _MISSING and not ((isinstance(_v570, str)) and (len(_v570) >= 1)):
        return False
    _v571 = x.get('owner', _MISSING)
    if _v571 is not _MISSING and not ((isinstance(_v571, str)) and (len(_v571) >= 1)):
        return False
    _v572 = x.get('url', _MISSING)
    if _v572 is not _MISSING and not (isinstance(_v572, str)):
        return False
    if not _c573.issuperset(x):
        return False
    return True


def _s576(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v577 in x:
        if not (_d_TechComponent(_v577)):
            return False
    return True


def _s579(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v580 in x:
        if not (_d_Regulation(_v580)):
            return False
    return True


def _s583(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v584 in x:
        if not ((isinstance(_v584, str)) and (len(_v584) >= 1)):
            return False
    return True


def _d_Technology(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('components' in x):
        return False
    _v575 = x.get('components', _MISSING)
    if _v575 is not _MISSING and not (_s576(_v575)):
        return False
    _v578 = x.get('regulatory', _MISSING)
    if _v578 is not _MISSING and not (_s579(_v578)):
        return False
    _v581 = x.get('data_protection', _MISSING)
    if _v581 is not _MISSING and not ((isinstance(_v581, str)) and (len(_v581) >= 1)):
        return False
    _v582 = x.get('interoperability', _MISSING)
    if _v582 is not _MISSING and not (_s583(_v582)):
        return False
    _v585 = x.get('hosting', _MISSING)
    if _v585 is not _MISSING and not ((isinstance(_v585, str)) and (len(_v585) >= 1)):
        return False
    if not _c586.issuperset(x):
        return False
    return True


def _s592(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v593 in x:
        if not ((isinstance(_v593, str)) and (len(_v593) >= 1)):
            return False
    return True


def _d_Tier(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'description' in x):
        return False
    _v588 = x.get('id', _MISSING)
    if _v588 is not _MISSING and not ((isinstance(_v588, str)) and (_c2(_v588) is not None)):
        return False
    _v589 = x.get('name', _MISSING)
    if _v589 is not _MISSING and not ((isinstance(_v589, str)) and (len(_v589) >= 1)):
        return False
    _v590 = x.get('description', _MISSING)
    if _v590 is not _MISSING and not ((isinstance(_v590, str)) and (len(_v590) >= 1)):
        return False
    _v591 = x.get('obligations', _MISSING)
    if _v591 is not _MISSING and not (_s592(_v591)):
        return False
    _v594 = x.get('fee', _MISSING)
    if _v594 is not _MISSING and not ((isinstance(_v594, str)) and (len(_v594) >= 1)):
        return False
    if not _c595.issuperset(x):
        return False
    return True


def _d_Transition(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('until' in x):
        return False
    _v597 = x.get('until', _MISSING)
    if _v597 is not _MISSING and not ((isinstance(_v597, str)) and (_c23(_v597) is not None)):
        return False
    _v598 = x.get('note', _MISSING)
    if _v598 is not _MISSING and not ((isinstance(_v598, str)) and (len(_v598) >= 1)):
        return False
    if not _c599.issuperset(x):
        return False
    return True


def _s604(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v605 in x:
        if not ((isinstance(_v605, str)) and (_c2(_v605) is not None)):
            return False
    return True


def _d_Variant(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x and 'description' in x):
        return False
    _v601 = x.get('name', _MISSING)
    if _v601 is not _MISSING and not ((isinstance(_v601, str)) and (len(_v601) >= 1)):
        return False
    _v602 = x.get('description', _MISSING)
    if _v602 is not _MISSING and not ((isinstance(_v602, str)) and (len(_v602) >= 1)):
        return False
    _v603 = x.get('references', _MISSING)
    if _v603 is not _MISSING and not (_s604(_v603)):
        return False
    if not _c606.issuperset(x):
        return False
    return True


def _s615(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v616 in x:
        if not ((isinstance(_v616, str)) and (_c2(_v616) is not None)):
            return False
    return True


def _d_Verdict(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('summary' in x and 'reason' in x and 'decided_by' in x and 'date' in x):
        return False
    _v608 = x.get('summary', _MISSING)
    if _v608 is not _MISSING and not ((isinstance(_v608, str)) and (len(_v608) >= 1)):
        return False
    _v609 = x.get('reason', _MISSING)
    if _v609 is not _MISSING and not ((isinstance(_v609, str)) and (len(_v609) >= 1)):
        return False
    _v610 = x.get('decided_by', _MISSING)
    if _v610 is not _MISSING and not ((isinstance(_v610, str)) and (len(_v610) >= 1)):
        return False
    _v611 = x.get('date', _MISSING)
    if _v611 is not _MISSING and not ((isinstance(_v611, str)) and (_c23(_v611) is not None)):
        return False
    _v612 = x.get('applies_to', _MISSING)
    if _v612 is not _MISSING and not ((isinstance(_v612, str)) and (len(_v612) >= 1)):
        return False
    _v613 = x.get('replaced_by', _MISSING)
    if _v613 is not _MISSING and not ((isinstance(_v613, str)) and (len(_v613) >= 1)):
        return False
    _v614 = x.get('references', _MISSING)
    if _v614 is not _MISSING and not (_s615(_v614)):
        return False
    if not _c617.issuperset(x):
        return False
    return True


def _s632(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v633 in x:
        if not (_d_Evidence(_v633)):
            return False
    return True


def _s635(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v636 in x:
        if not (_d_Guidance(_v636)):
            return False
    return True


def _s638(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v639 in x:
        if not (_d_Funding(_v639)):
            return False
    return True


def _s641(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v642 in x:
        if not ((isinstance(_v642, str)) and (len(_v642) >= 1)):
            return False
    return True


def _s645(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v646 in x:
        if not (_d_Contact(_v646)):
            return False
    return True


def _s648(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v649 in x:
        if not (_d_Contact(_v649)):
            return False
    return True


def _s653(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v654 in x:
        if not (_d_PartyEntry(_v654)):
            return False
    return True


def _s656(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v657 in x:
        if not (_d_Component(_v657)):
            return False
    return True


def _s662(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v663 in x:
        if not (_d_Setting(_v663)):
            return False
    return True


def _s665(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v666 in x:
        if not (_d_ReadinessCriterion(_v666)):
            return False
    return True


def _s668(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v669 in x:
        if not (_d_Role(_v669)):
            return False
    return True


def _s671(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v672 in x:
        if not (_d_Material(_v672)):
            return False
    return True


def _s674(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v675 in x:
        if not (_d_CoreElement(_v675)):
            return False
    return True


def _s677(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v678 in x:
        if not (_d_AdaptableElement(_v678)):
            return False
    return True


def _s680(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v681 in x:
        if not (_d_Proscribed(_v681)):
            return False
    return True


def _s684(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v685 in x:
        if not (_d_Phase(_v685)):
            return False
    return True


def _s688(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v689 in x:
        if not (_d_Modification(_v689)):
            return False
    return True


def _s692(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v693 in x:
        if not (_d_Variant(_v693)):
            return False
    return True


def _s695(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v696 in x:
        if not (_d_AdoptionFigure(_v696)):
            return False
    return True


def _s698(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v699 in x:
        if not (_d_SpreadApproach(_v699)):
            return False
    return True


def _s701(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v702 in x:
        if not (_d_SpreadLesson(_v702)):
            return False
    return True


def _s704(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v705 in x:
        if not (_d_Target(_v705)):
            return False
    return True


def _s707(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v708 in x:
        if not (_d_Outcome(_v708)):
            return False
    return True


def _s711(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v712 in x:
        if not (_d_GlossaryTerm(_v712)):
            return False
    return True


def _s714(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v715 in x:
        if not (_d_Reference(_v715)):
            return False
    return True


def _s717(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v718 in x:
        if not (_d_NotApplicable(_v718)):
            return False
    return True


def _s720(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v721 in x:
        if not (_d_Release(_v721)):
            return False
    return True


def _s726(x: Any) -> bool:
    if not (isinstance(x, str) and x in _c727):
        return False
    return True


def _s724(x: Any) -> bool:
    if isinstance(x, dict):
        if not ('status' in x):
            return False
        _v725 = x.get('status', _MISSING)
        if _v725 is not _MISSING and not (_s726(_v725)):
            return False
    return True


def _s729(x: Any) -> bool:
    if isinstance(x, list):
        if len(x) < 1:
            return False
    return True


def accepts(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'version' in x and 'status' in x and 'summary' in x and 'problem' in x and 'rationale' in x and 'origin' in x and 'owners' in x and 'population' in x and 'settings' in x and 'roles' in x and 'core_elements' in x and 'delivery' in x and 'outcomes' in x):
        return False
    _v619 = x.get('format_version', _MISSING)
    if _v619 is not _MISSING and not ((isinstance(_v619, str)) and (_c620(_v619) is not None)):
        return False
    _v621 = x.get('id', _MISSING)
    if _v621 is not _MISSING and not ((isinstance(_v621, str)) and (_c2(_v621) is not None)):
        return False
    _v622 = x.get('name', _MISSING)
    if _v622 is not _MISSING and not ((isinstance(_v622, str)) and (len(_v622) >= 1)):
        return False
    _v623 = x.get('short_name', _MISSING)
    if _v623 is not _MISSING and not ((isinstance(_v623, str)) and (len(_v623) >= 1)):
        return False
    _v624 = x.get('version', _MISSING)
    if _v624 is not _MISSING and not (isinstance(_v624, str)):
        return False
    _v625 = x.get('status', _MISSING)
    if _v625 is not _MISSING and not (_d_Status(_v625)):
        return False
    _v626 = x.get('verdict', _MISSING)
    if _v626 is not _MISSING and not (_d_Verdict(_v626)):
        return False
    _v627 = x.get('illustrative', _MISSING)
    if _v627 is not _MISSING and not (isinstance(_v627, bool)):
        return False
    _v628 = x.get('summary', _MISSING)
    if _v628 is not _MISSING and not ((isinstance(_v628, str)) and (len(_v628) >= 1)):
        return False
    _v629 = x.get('problem', _MISSING)
    if _v629 is not _MISSING and not ((isinstance(_v629, str)) and (len(_v629) >= 1)):
        return False
    _v630 = x.get('rationale', _MISSING)
    if _v630 is not _MISSING and not (_d_Rationale(_v630)):
        return False
    _v631 = x.get('evidence', _MISSING)
    if _v631 is not _MISSING and not (_s632(_v631)):
        return False
    _v634 = x.get('guidance', _MISSING)
    if _v634 is not _MISSING and not (_s635(_v634)):
        return False
    _v637 = x.get('funding', _MISSING)
    if _v637 is not _MISSING and not (_s638(_v637)):
        return False
    _v640 = x.get('conflicts_of_interest', _MISSING)
    if _v640 is not _MISSING and not (_s641(_v640)):
        return False
    _v643 = x.get('origin', _MISSING)
    if _v643 is not _MISSING and not (_d_Origin(_v643)):
        return False
    _v644 = x.get('owners', _MISSING)
    if _v644 is not _MISSING and not (_s645(_v644)):
        return False
    _v647 = x.get('contacts', _MISSING)
    if _v647 is not _MISSING and not (_s648(_v647)):
        return False
    _v650 = x.get('licence', _MISSING)
    if _v650 is not _MISSING and not (_d_Licence(_v650)):
        return False
    _v651 = x.get('audience', _MISSING)
    if _v651 is not _MISSING and not (_d_Audience(_v651)):
        return False
    _v652 = x.get('parties', _MISSING)
    if _v652 is not _MISSING and not (_s653(_v652)):
        return False
    _v655 = x.get('components', _MISSING)
    if _v655 is not _MISSING and not (_s656(_v655)):
        return False
    _v658 = x.get('choose', _MISSING)
    if _v658 is not _MISSING and not (_d_Choice(_v658)):
        return False
    _v659 = x.get('technology', _MISSING)
    if _v659 is not _MISSING and not (_d_Technology(_v659)):
        return False
    _v660 = x.get('population', _MISSING)
    if _v660 is not _MISSING and not (_d_Population(_v660)):
        return False
    _v661 = x.get('settings', _MISSING)
    if _v661 is not _MISSING and not (_s662(_v661)):
        return False
    _v664 = x.get('readiness', _MISSING)
    if _v664 is not _MISSING and not (_s665(_v664)):
        return False
    _v667 = x.get('roles', _MISSING)
    if _v667 is not _MISSING and not (_s668(_v667)):
        return False
    _v670 = x.get('materials', _MISSING)
    if _v670 is not _MISSING and not (_s671(_v670)):
        return False
    _v673 = x.get('core_elements', _MISSING)
    if _v673 is not _MISSING and not (_s674(_v673)):
        return False
    _v676 = x.get('adaptable_elements', _MISSING)
    if _v676 is not _MISSING and not (_s677(_v676)):
        return False
    _v679 = x.get('proscribed', _MISSING)
    if _v679 is not _MISSING and not (_s680(_v679)):
        return False
    _v682 = x.get('delivery', _MISSING)
    if _v682 is not _MISSING and not (_d_Delivery(_v682)):
        return False
    _v683 = x.get('pathway', _MISSING)
    if _v683 is not _MISSING and not (_s684(_v683)):
        return False
    _v686 = x.get('fidelity', _MISSING)
    if _v686 is not _MISSING and not (_d_Fidelity(_v686)):
        return False
    _v687 = x.get('modifications', _MISSING)
    if _v687 is not _MISSING and not (_s688(_v687)):
        return False
    _v690 = x.get('complexity', _MISSING)
    if _v690 is not _MISSING and not (_d_Complexity(_v690)):
        return False
    _v691 = x.get('variants', _MISSING)
    if _v691 is not _MISSING and not (_s692(_v691)):
        return False
    _v694 = x.get('adoption', _MISSING)
    if _v694 is not _MISSING and not (_s695(_v694)):
        return False
    _v697 = x.get('spread_approaches', _MISSING)
    if _v697 is not _MISSING and not (_s698(_v697)):
        return False
    _v700 = x.get('spread_lessons', _MISSING)
    if _v700 is not _MISSING and not (_s701(_v700)):
        return False
    _v703 = x.get('targets', _MISSING)
    if _v703 is not _MISSING and not (_s704(_v703)):
        return False
    _v706 = x.get('outcomes', _MISSING)
    if _v706 is not _MISSING and not (_s707(_v706)):
        return False
    _v709 = x.get('support', _MISSING)
    if _v709 is not _MISSING and not (_d_Support(_v709)):
        return False
    _v710 = x.get('glossary', _MISSING)
    if _v710 is not _MISSING and not (_s711(_v710)):
        return False
    _v713 = x.get('references', _MISSING)
    if _v713 is not _MISSING and not (_s714(_v713)):
        return False
    _v716 = x.get('not_applicable', _MISSING)
    if _v716 is not _MISSING and not (_s717(_v716)):
        return False
    _v719 = x.get('history', _MISSING)
    if _v719 is not _MISSING and not (_s720(_v719)):
        return False
    if not _c722.issuperset(x):
        return False
    if _s724(x):
        if isinstance(x, dict):
            if not ('licence' in x and 'pathway' in x and 'fidelity' in x):
                return False
            _v728 = x.get('pathway', _MISSING)
            if _v728 is not _MISSING and not (_s729(_v728)):
                return False
    return True


DEFS = {'AdaptableElement': _d_AdaptableElement, 'AdoptionFigure': _d_AdoptionFigure, 'AlternativeForm': _d_AlternativeForm, 'Anchor': _d_Anchor, 'AssessmentUnit': _d_AssessmentUnit, 'Audience': _d_Audience, 'Band': _d_Band, 'Basis': _d_Basis, 'Certainty': _d_Certainty, 'ChangeLevel': _d_ChangeLevel, 'Choice': _d_Choice, 'ChoiceRule': _d_ChoiceRule, 'Complexity': _d_Complexity, 'ComplexityLevel': _d_ComplexityLevel, 'Component': _d_Component, 'Contact': _d_Contact, 'CoreElement': _d_CoreElement, 'Criterion': _d_Criterion, 'DataSource': _d_DataSource, 'Delivery': _d_Delivery, 'DeliveryFormat': _d_DeliveryFormat, 'DeliveryMode': _d_DeliveryMode, 'DomainRating': _d_DomainRating, 'Endpoint': _d_Endpoint, 'Evidence': _d_Evidence, 'EvidenceDirection': _d_EvidenceDirection, 'EvidenceKind': _d_EvidenceKind, 'Fidelity': _d_Fidelity, 'FidelityDimension': _d_FidelityDimension, 'FidelityResult': _d_FidelityResult, 'FrameContext': _d_FrameContext, 'FrameDecider': _d_FrameDecider, 'FrameFidelity': _d_FrameFidelity, 'FrameGoal': _d_FrameGoal, 'FrameLevel': _d_FrameLevel, 'FrameNature': _d_FrameNature, 'FramePlanned': _d_FramePlanned, 'FrameReasonLevel': _d_FrameReasonLevel, 'FrameWhat': _d_FrameWhat, 'FrameWhen': _d_FrameWhen, 'Funding': _d_Funding, 'FundingKind': _d_FundingKind, 'GlossaryTerm': _d_GlossaryTerm, 'GroupSize': _d_GroupSize, 'Guardrail': _d_Guardrail, 'Guidance': _d_Guidance, 'GuidanceStance': _d_GuidanceStance, 'Instrument': _d_Instrument, 'Licence': _d_Licence, 'Lineage': _d_Lineage, 'LocalAdaptation': _d_LocalAdaptation, 'Material': _d_Material, 'ModeDetail': _d_ModeDetail, 'Modification': _d_Modification, 'ModificationTarget': _d_ModificationTarget, 'NotApplicable': _d_NotApplicable, 'Obligation': _d_Obligation, 'ObligationKind': _d_ObligationKind, 'Option': _d_Option, 'Organisation': _d_Organisation, 'Origin': _d_Origin, 'Outcome': _d_Outcome, 'Party': _d_Party, 'PartyEntry': _d_PartyEntry, 'PermittedAdaptations': _d_PermittedAdaptations, 'Person': _d_Person, 'Phase': _d_Phase, 'Population': _d_Population, 'PreviousHolder': _d_PreviousHolder, 'Procedure': _d_Procedure, 'Proscribed': _d_Proscribed, 'Provenance': _d_Provenance, 'Qualifier': _d_Qualifier, 'Range': _d_Range, 'Rationale': _d_Rationale, 'ReadinessCriterion': _d_ReadinessCriterion, 'Reason': _d_Reason, 'Reference': _d_Reference, 'ReferenceType': _d_ReferenceType, 'Regulation': _d_Regulation, 'Release': _d_Release, 'ReleaseChange': _d_ReleaseChange, 'Role': _d_Role, 'Scale': _d_Scale, 'ScaleKind': _d_ScaleKind, 'Setting': _d_Setting, 'SpreadApproach': _d_SpreadApproach, 'SpreadLesson': _d_SpreadLesson, 'SpreadModel': _d_SpreadModel, 'Status': _d_Status, 'Step': _d_Step, 'Support': _d_Support, 'Target': _d_Target, 'TechComponent': _d_TechComponent, 'Technology': _d_Technology, 'Tier': _d_Tier, 'Transition': _d_Transition, 'Variant': _d_Variant, 'Verdict': _d_Verdict}


__all__ = ['accepts', 'DEFS', 'MODELS_DIGEST']
