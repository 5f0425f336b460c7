"""The committed JSON Schema compiled to Python: whether a spec's data is valid, nothing more.

Generated from the models by `python -m codify.fastpath`; do not edit. codify.fastpath says
how it is used and why.
"""

# fmt: off
# ruff: noqa

from __future__ import annotations

import re
from typing import Any

MODELS_DIGEST = '8437ea3e0a4a8619dd44494a1ae2a7c218e0e215b4c8a0b41587ea45653d6ea6'


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
_c56 = frozenset(['count', 'note', 'rule'])
_c58 = frozenset(['all', 'at_least'])
_c66 = frozenset(['adopters', 'condition', 'embedding', 'organisation', 'technology', 'value_proposition', 'wider_system'])
_c68 = frozenset(['complex', 'complicated', 'simple'])
_c74 = frozenset(['id', 'name', 'required', 'spec', 'summary'])
_c81 = frozenset(['email', 'name', 'organisation', 'role', 'url'])
_c103 = frozenset(['alternative_forms', 'evidence', 'fidelity', 'form', 'function', 'id', 'materials', 'name', 'rationale', 'roles'])
_c117 = frozenset(['core_elements', 'data_sources', 'dimension', 'id', 'method', 'minimum', 'name', 'scale'])
_c119 = frozenset(['document_review', 'interview', 'observation', 'record_review', 'routine_data', 'self_report', 'survey'])
_c137 = frozenset(['by_mode', 'duration', 'formats', 'group_size', 'intensity', 'modes', 'period', 'procedures', 'schedule'])
_c139 = frozenset(['group', 'individual', 'organisation'])
_c140 = frozenset(['app', 'automated_message', 'face_to_face', 'hybrid', 'online', 'remote_monitoring', 'sms', 'telephone', 'web', 'written'])
_c143 = frozenset(['level', 'notes'])
_c150 = frozenset(['basis', 'direction', 'estimate', 'name', 'primary'])
_c167 = frozenset(['basis', 'certainty', 'design', 'direction', 'endpoints', 'findings', 'kind', 'limitations', 'population', 'reference', 'references'])
_c169 = frozenset(['harm', 'mixed', 'no_effect', 'supports'])
_c170 = frozenset(['cost', 'effectiveness', 'experience', 'implementation', 'need', 'safety'])
_c188 = frozenset(['approach', 'assessors', 'bands', 'criteria', 'frequency', 'instrument', 'results', 'strategies', 'unit'])
_c190 = frozenset(['content', 'coverage', 'duration', 'frequency', 'participant_responsiveness', 'quality_of_delivery', 'timeliness'])
_c197 = frozenset(['basis', 'date', 'reference', 'score', 'site', 'summary'])
_c199 = frozenset(['format', 'personnel', 'population', 'setting'])
_c200 = frozenset(['administrator', 'community_members', 'delivery_team', 'developer', 'funder', 'political_leaders', 'practitioner', 'programme_leader', 'programme_manager', 'recipients', 'researcher', 'unknown'])
_c201 = frozenset(['fidelity_consistent', 'fidelity_inconsistent', 'unknown'])
_c202 = frozenset(['address_cultural_factors', 'improve_effectiveness', 'improve_feasibility', 'improve_fidelity', 'improve_fit', 'improve_sustainability', 'increase_adoption', 'increase_reach', 'increase_retention', 'increase_satisfaction', 'reduce_cost'])
_c203 = frozenset(['cohort', 'individual_practitioner', 'individual_recipient', 'network', 'organisation', 'target_group', 'unit'])
_c204 = frozenset(['adding_elements', 'departing_then_returning', 'drift', 'integrating_another_treatment', 'integrating_into_another_framework', 'lengthening', 'loosening_structure', 'packaging_or_materials', 'removing_elements', 'reordering', 'repeating_elements', 'shortening', 'spreading', 'substituting', 'tailoring'])
_c205 = frozenset(['planned_proactive', 'planned_reactive', 'unknown', 'unplanned_reactive'])
_c206 = frozenset(['organisation', 'provider', 'recipient', 'sociopolitical'])
_c207 = frozenset(['content', 'context', 'implementation_and_scale_up', 'training_and_evaluation'])
_c208 = frozenset(['implementation', 'maintenance', 'pre_implementation', 'scale_up'])
_c214 = frozenset(['funder', 'kind', 'period', 'purpose', 'reference'])
_c216 = frozenset(['academic', 'charity', 'industry', 'mixed', 'other', 'public'])
_c219 = frozenset(['definition', 'term'])
_c223 = frozenset(['max', 'min'])
_c227 = frozenset(['core_element', 'note'])
_c235 = frozenset(['body', 'date', 'document', 'note', 'reference', 'stance'])
_c237 = frozenset(['does_not_recommend', 'mentions', 'predates_evidence', 'recommends', 'supports'])
_c244 = frozenset(['note', 'owner', 'provenance', 'reference', 'url', 'validated'])
_c260 = frozenset(['content_licence', 'fee', 'holder', 'previous_holders', 'spread_model', 'standard_setter', 'terms', 'territory', 'tiers', 'url'])
_c266 = frozenset(['name', 'note', 'place', 'reference'])
_c271 = frozenset(['description', 'reference', 'site'])
_c281 = frozenset(['audience', 'description', 'id', 'licence', 'path', 'provided_by', 'title', 'url'])
_c287 = frozenset(['duration', 'group_size', 'mode', 'note'])
_c322 = frozenset(['context', 'date', 'decided_by', 'description', 'elements', 'fidelity', 'goals', 'id', 'level', 'nature', 'planned', 'reasons', 'references', 'site', 'target', 'what', 'when'])
_c324 = frozenset(['implementation_strategy', 'intervention'])
_c327 = frozenset(['item', 'reason'])
_c334 = frozenset(['basis', 'description', 'kind', 'party', 'required'])
_c336 = frozenset(['accreditation', 'brand', 'fees', 'fidelity_review', 'other', 'reporting', 'training'])
_c340 = frozenset(['note', 'option', 'requires_approval'])
_c343 = frozenset(['literal'])
_c358 = frozenset(['derived_from', 'first_delivered', 'history', 'innovators', 'organisation', 'place', 'references'])
_c368 = frozenset(['id', 'level', 'measure', 'name', 'references', 'timing'])
_c370 = frozenset(['adopter', 'central', 'commissioner', 'partner'])
_c378 = frozenset(['description', 'id', 'kind', 'name', 'responsibilities'])
_c386 = frozenset(['guidance', 'options', 'range'])
_c390 = frozenset(['family', 'given'])
_c399 = frozenset(['goal', 'id', 'name', 'steps', 'timescale'])
_c408 = frozenset(['description', 'exclusion', 'inclusion'])
_c414 = frozenset(['end', 'name', 'note', 'start'])
_c428 = frozenset(['automated', 'description', 'id', 'materials', 'name', 'party', 'roles', 'timing'])
_c436 = frozenset(['core_elements', 'id', 'practice', 'reason'])
_c438 = frozenset(['adapted', 'illustrative', 'official'])
_c439 = frozenset(['about', 'at_least', 'exactly', 'fewer_than', 'more_than', 'up_to'])
_c443 = frozenset(['max', 'min', 'unit'])
_c450 = frozenset(['mechanisms', 'summary', 'theory_of_change'])
_c457 = frozenset(['criterion', 'how_to_show', 'id', 'party', 'required'])
_c461 = frozenset(['factor', 'level'])
_c477 = frozenset(['accessed', 'authors', 'details', 'doi', 'id', 'publisher', 'title', 'type', 'url', 'year'])
_c479 = frozenset(['article-journal', 'book', 'chapter', 'report', 'webpage'])
_c483 = frozenset(['reference', 'scheme', 'status'])
_c498 = frozenset(['id', 'party', 'qualifications', 'references', 'required', 'responsibilities', 'time_commitment', 'title', 'training'])
_c507 = frozenset(['anchors', 'kind', 'max', 'min', 'yes'])
_c509 = frozenset(['rating', 'yes_no'])
_c515 = frozenset(['description', 'infrastructure', 'type'])
_c517 = frozenset(['building_capacity_and_capability', 'governing_and_assuring', 'identifying_and_communicating_priorities', 'investing_and_incentivising', 'large_scale_engagement', 'networking_and_peer_learning', 'piloting_and_rolling_out'])
_c521 = frozenset(['effect', 'lever', 'reference'])
_c523 = frozenset(['direct', 'dissemination', 'franchise', 'licence', 'network', 'none', 'open'])
_c524 = frozenset(['draft', 'mainstreamed', 'not_recommended', 'piloting', 'retired', 'spreading'])
_c537 = frozenset(['action', 'automated', 'materials', 'output', 'owner', 'party', 'roles', 'timescale'])
_c546 = frozenset(['contact', 'obligations', 'offered'])
_c552 = frozenset(['by', 'name', 'reference', 'set_by'])
_c559 = frozenset(['description', 'name', 'owner', 'supplier', 'url'])
_c572 = frozenset(['components', 'data_protection', 'hosting', 'interoperability', 'regulatory'])
_c581 = frozenset(['description', 'fee', 'id', 'name', 'obligations'])
_c588 = frozenset(['description', 'name', 'references'])
_c599 = frozenset(['applies_to', 'date', 'decided_by', 'reason', 'references', 'replaced_by', 'summary'])
_c602 = re.compile('^\\d+(\\.\\d+)?\\Z').search
_c700 = frozenset(['adaptable_elements', 'adoption', 'audience', 'choose', 'complexity', 'components', 'conflicts_of_interest', 'contacts', 'core_elements', 'delivery', 'evidence', 'fidelity', 'format_version', 'funding', 'glossary', 'guidance', 'id', 'licence', 'materials', 'modifications', 'name', 'not_applicable', 'origin', 'outcomes', 'owners', 'parties', 'pathway', 'population', 'problem', 'proscribed', 'rationale', 'readiness', 'references', 'roles', 'settings', 'short_name', 'spread_approaches', 'spread_lessons', 'status', 'summary', 'support', 'targets', 'technology', 'variants', 'verdict', 'version'])
_c705 = frozenset(['draft', 'mainstreamed', 'piloting', 'spreading'])


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


def _d_Choice(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('rule' in x):
        return False
    _v53 = x.get('rule', _MISSING)
    if _v53 is not _MISSING and not (_d_ChoiceRule(_v53)):
        return False
    _v54 = x.get('count', _MISSING)
    if _v54 is not _MISSING and not ((_integer(_v54)) and (_v54 >= 1)):
        return False
    _v55 = x.get('note', _MISSING)
    if _v55 is not _MISSING and not ((isinstance(_v55, str)) and (len(_v55) >= 1)):
        return False
    if not _c56.issuperset(x):
        return False
    return True


def _d_ChoiceRule(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c58):
        return False
    return True


def _d_Complexity(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('condition' in x and 'technology' in x and 'value_proposition' in x and 'adopters' in x and 'organisation' in x and 'wider_system' in x and 'embedding' in x):
        return False
    _v59 = x.get('condition', _MISSING)
    if _v59 is not _MISSING and not (_d_DomainRating(_v59)):
        return False
    _v60 = x.get('technology', _MISSING)
    if _v60 is not _MISSING and not (_d_DomainRating(_v60)):
        return False
    _v61 = x.get('value_proposition', _MISSING)
    if _v61 is not _MISSING and not (_d_DomainRating(_v61)):
        return False
    _v62 = x.get('adopters', _MISSING)
    if _v62 is not _MISSING and not (_d_DomainRating(_v62)):
        return False
    _v63 = x.get('organisation', _MISSING)
    if _v63 is not _MISSING and not (_d_DomainRating(_v63)):
        return False
    _v64 = x.get('wider_system', _MISSING)
    if _v64 is not _MISSING and not (_d_DomainRating(_v64)):
        return False
    _v65 = x.get('embedding', _MISSING)
    if _v65 is not _MISSING and not (_d_DomainRating(_v65)):
        return False
    if not _c66.issuperset(x):
        return False
    return True


def _d_ComplexityLevel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c68):
        return False
    return True


def _d_Component(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'summary' in x):
        return False
    _v69 = x.get('id', _MISSING)
    if _v69 is not _MISSING and not ((isinstance(_v69, str)) and (_c2(_v69) is not None)):
        return False
    _v70 = x.get('name', _MISSING)
    if _v70 is not _MISSING and not ((isinstance(_v70, str)) and (len(_v70) >= 1)):
        return False
    _v71 = x.get('summary', _MISSING)
    if _v71 is not _MISSING and not ((isinstance(_v71, str)) and (len(_v71) >= 1)):
        return False
    _v72 = x.get('spec', _MISSING)
    if _v72 is not _MISSING and not (isinstance(_v72, str)):
        return False
    _v73 = x.get('required', _MISSING)
    if _v73 is not _MISSING and not (isinstance(_v73, bool)):
        return False
    if not _c74.issuperset(x):
        return False
    return True


def _d_Contact(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x):
        return False
    _v76 = x.get('name', _MISSING)
    if _v76 is not _MISSING and not ((isinstance(_v76, str)) and (len(_v76) >= 1)):
        return False
    _v77 = x.get('role', _MISSING)
    if _v77 is not _MISSING and not ((isinstance(_v77, str)) and (len(_v77) >= 1)):
        return False
    _v78 = x.get('organisation', _MISSING)
    if _v78 is not _MISSING and not ((isinstance(_v78, str)) and (len(_v78) >= 1)):
        return False
    _v79 = x.get('email', _MISSING)
    if _v79 is not _MISSING and not (isinstance(_v79, str)):
        return False
    _v80 = x.get('url', _MISSING)
    if _v80 is not _MISSING and not (isinstance(_v80, str)):
        return False
    if not _c81.issuperset(x):
        return False
    return True


def _s88(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v89 in x:
        if not (_d_AlternativeForm(_v89)):
            return False
    return True


def _s92(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v93 in x:
        if not ((isinstance(_v93, str)) and (_c2(_v93) is not None)):
            return False
    return True


def _s95(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v96 in x:
        if not ((isinstance(_v96, str)) and (_c2(_v96) is not None)):
            return False
    return True


def _s98(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v99 in x:
        if not ((isinstance(_v99, str)) and (_c2(_v99) is not None)):
            return False
    return True


def _s101(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v102 in x:
        if not ((isinstance(_v102, str)) and (len(_v102) >= 1)):
            return False
    return True


def _d_CoreElement(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'function' in x and 'form' in x and 'rationale' in x and 'fidelity' in x):
        return False
    _v83 = x.get('id', _MISSING)
    if _v83 is not _MISSING and not ((isinstance(_v83, str)) and (_c2(_v83) is not None)):
        return False
    _v84 = x.get('name', _MISSING)
    if _v84 is not _MISSING and not ((isinstance(_v84, str)) and (len(_v84) >= 1)):
        return False
    _v85 = x.get('function', _MISSING)
    if _v85 is not _MISSING and not ((isinstance(_v85, str)) and (len(_v85) >= 1)):
        return False
    _v86 = x.get('form', _MISSING)
    if _v86 is not _MISSING and not ((isinstance(_v86, str)) and (len(_v86) >= 1)):
        return False
    _v87 = x.get('alternative_forms', _MISSING)
    if _v87 is not _MISSING and not (_s88(_v87)):
        return False
    _v90 = x.get('rationale', _MISSING)
    if _v90 is not _MISSING and not ((isinstance(_v90, str)) and (len(_v90) >= 1)):
        return False
    _v91 = x.get('evidence', _MISSING)
    if _v91 is not _MISSING and not (_s92(_v91)):
        return False
    _v94 = x.get('roles', _MISSING)
    if _v94 is not _MISSING and not (_s95(_v94)):
        return False
    _v97 = x.get('materials', _MISSING)
    if _v97 is not _MISSING and not (_s98(_v97)):
        return False
    _v100 = x.get('fidelity', _MISSING)
    if _v100 is not _MISSING and not (_s101(_v100)):
        return False
    if not _c103.issuperset(x):
        return False
    return True


def _s108(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v109 in x:
        if not ((isinstance(_v109, str)) and (_c2(_v109) is not None)):
            return False
    return True


def _s112(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v113 in x:
        if not (_d_DataSource(_v113)):
            return False
    return True


def _d_Criterion(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'core_elements' in x and 'method' in x and 'data_sources' in x and 'scale' in x):
        return False
    _v105 = x.get('id', _MISSING)
    if _v105 is not _MISSING and not ((isinstance(_v105, str)) and (_c2(_v105) is not None)):
        return False
    _v106 = x.get('name', _MISSING)
    if _v106 is not _MISSING and not ((isinstance(_v106, str)) and (len(_v106) >= 1)):
        return False
    _v107 = x.get('core_elements', _MISSING)
    if _v107 is not _MISSING and not (_s108(_v107)):
        return False
    _v110 = x.get('method', _MISSING)
    if _v110 is not _MISSING and not ((isinstance(_v110, str)) and (len(_v110) >= 1)):
        return False
    _v111 = x.get('data_sources', _MISSING)
    if _v111 is not _MISSING and not (_s112(_v111)):
        return False
    _v114 = x.get('dimension', _MISSING)
    if _v114 is not _MISSING and not (_d_FidelityDimension(_v114)):
        return False
    _v115 = x.get('scale', _MISSING)
    if _v115 is not _MISSING and not (_d_Scale(_v115)):
        return False
    _v116 = x.get('minimum', _MISSING)
    if _v116 is not _MISSING and not (_integer(_v116)):
        return False
    if not _c117.issuperset(x):
        return False
    return True


def _d_DataSource(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c119):
        return False
    return True


def _s121(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v122 in x:
        if not (_d_DeliveryMode(_v122)):
            return False
    return True


def _s124(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v125 in x:
        if not (_d_DeliveryFormat(_v125)):
            return False
    return True


def _s128(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v129 in x:
        if not (_d_Procedure(_v129)):
            return False
    return True


def _s135(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v136 in x:
        if not (_d_ModeDetail(_v136)):
            return False
    return True


def _d_Delivery(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('modes' in x and 'formats' in x and 'procedures' in x and 'schedule' in x and 'duration' in x):
        return False
    _v120 = x.get('modes', _MISSING)
    if _v120 is not _MISSING and not (_s121(_v120)):
        return False
    _v123 = x.get('formats', _MISSING)
    if _v123 is not _MISSING and not (_s124(_v123)):
        return False
    _v126 = x.get('group_size', _MISSING)
    if _v126 is not _MISSING and not (_d_GroupSize(_v126)):
        return False
    _v127 = x.get('procedures', _MISSING)
    if _v127 is not _MISSING and not (_s128(_v127)):
        return False
    _v130 = x.get('schedule', _MISSING)
    if _v130 is not _MISSING and not ((isinstance(_v130, str)) and (len(_v130) >= 1)):
        return False
    _v131 = x.get('duration', _MISSING)
    if _v131 is not _MISSING and not ((isinstance(_v131, str)) and (len(_v131) >= 1)):
        return False
    _v132 = x.get('intensity', _MISSING)
    if _v132 is not _MISSING and not ((isinstance(_v132, str)) and (len(_v132) >= 1)):
        return False
    _v133 = x.get('period', _MISSING)
    if _v133 is not _MISSING and not ((isinstance(_v133, str)) and (len(_v133) >= 1)):
        return False
    _v134 = x.get('by_mode', _MISSING)
    if _v134 is not _MISSING and not (_s135(_v134)):
        return False
    if not _c137.issuperset(x):
        return False
    return True


def _d_DeliveryFormat(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c139):
        return False
    return True


def _d_DeliveryMode(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c140):
        return False
    return True


def _d_DomainRating(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('level' in x and 'notes' in x):
        return False
    _v141 = x.get('level', _MISSING)
    if _v141 is not _MISSING and not (_d_ComplexityLevel(_v141)):
        return False
    _v142 = x.get('notes', _MISSING)
    if _v142 is not _MISSING and not ((isinstance(_v142, str)) and (len(_v142) >= 1)):
        return False
    if not _c143.issuperset(x):
        return False
    return True


def _d_Endpoint(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x):
        return False
    _v145 = x.get('name', _MISSING)
    if _v145 is not _MISSING and not ((isinstance(_v145, str)) and (len(_v145) >= 1)):
        return False
    _v146 = x.get('primary', _MISSING)
    if _v146 is not _MISSING and not (isinstance(_v146, bool)):
        return False
    _v147 = x.get('estimate', _MISSING)
    if _v147 is not _MISSING and not ((isinstance(_v147, str)) and (len(_v147) >= 1)):
        return False
    _v148 = x.get('direction', _MISSING)
    if _v148 is not _MISSING and not (_d_EvidenceDirection(_v148)):
        return False
    _v149 = x.get('basis', _MISSING)
    if _v149 is not _MISSING and not (_d_Basis(_v149)):
        return False
    if not _c150.issuperset(x):
        return False
    return True


def _s154(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v155 in x:
        if not ((isinstance(_v155, str)) and (_c2(_v155) is not None)):
            return False
    return True


def _s162(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v163 in x:
        if not (_d_Endpoint(_v163)):
            return False
    return True


def _d_Evidence(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('reference' in x and 'design' in x and 'findings' in x):
        return False
    _v152 = x.get('reference', _MISSING)
    if _v152 is not _MISSING and not ((isinstance(_v152, str)) and (_c2(_v152) is not None)):
        return False
    _v153 = x.get('references', _MISSING)
    if _v153 is not _MISSING and not (_s154(_v153)):
        return False
    _v156 = x.get('kind', _MISSING)
    if _v156 is not _MISSING and not (_d_EvidenceKind(_v156)):
        return False
    _v157 = x.get('direction', _MISSING)
    if _v157 is not _MISSING and not (_d_EvidenceDirection(_v157)):
        return False
    _v158 = x.get('certainty', _MISSING)
    if _v158 is not _MISSING and not (_d_Certainty(_v158)):
        return False
    _v159 = x.get('design', _MISSING)
    if _v159 is not _MISSING and not ((isinstance(_v159, str)) and (len(_v159) >= 1)):
        return False
    _v160 = x.get('findings', _MISSING)
    if _v160 is not _MISSING and not ((isinstance(_v160, str)) and (len(_v160) >= 1)):
        return False
    _v161 = x.get('endpoints', _MISSING)
    if _v161 is not _MISSING and not (_s162(_v161)):
        return False
    _v164 = x.get('population', _MISSING)
    if _v164 is not _MISSING and not ((isinstance(_v164, str)) and (len(_v164) >= 1)):
        return False
    _v165 = x.get('limitations', _MISSING)
    if _v165 is not _MISSING and not ((isinstance(_v165, str)) and (len(_v165) >= 1)):
        return False
    _v166 = x.get('basis', _MISSING)
    if _v166 is not _MISSING and not (_d_Basis(_v166)):
        return False
    if not _c167.issuperset(x):
        return False
    return True


def _d_EvidenceDirection(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c169):
        return False
    return True


def _d_EvidenceKind(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c170):
        return False
    return True


def _s175(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v176 in x:
        if not ((isinstance(_v176, str)) and (len(_v176) >= 1)):
            return False
    return True


def _s180(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v181 in x:
        if not (_d_Criterion(_v181)):
            return False
    return True


def _s183(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v184 in x:
        if not (_d_Band(_v184)):
            return False
    return True


def _s186(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v187 in x:
        if not (_d_FidelityResult(_v187)):
            return False
    return True


def _d_Fidelity(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('approach' in x and 'assessors' in x and 'frequency' in x and 'criteria' in x and 'bands' in x):
        return False
    _v171 = x.get('approach', _MISSING)
    if _v171 is not _MISSING and not ((isinstance(_v171, str)) and (len(_v171) >= 1)):
        return False
    _v172 = x.get('assessors', _MISSING)
    if _v172 is not _MISSING and not ((isinstance(_v172, str)) and (len(_v172) >= 1)):
        return False
    _v173 = x.get('frequency', _MISSING)
    if _v173 is not _MISSING and not ((isinstance(_v173, str)) and (len(_v173) >= 1)):
        return False
    _v174 = x.get('strategies', _MISSING)
    if _v174 is not _MISSING and not (_s175(_v174)):
        return False
    _v177 = x.get('instrument', _MISSING)
    if _v177 is not _MISSING and not (_d_Instrument(_v177)):
        return False
    _v178 = x.get('unit', _MISSING)
    if _v178 is not _MISSING and not (_d_AssessmentUnit(_v178)):
        return False
    _v179 = x.get('criteria', _MISSING)
    if _v179 is not _MISSING and not (_s180(_v179)):
        return False
    _v182 = x.get('bands', _MISSING)
    if _v182 is not _MISSING and not (_s183(_v182)):
        return False
    _v185 = x.get('results', _MISSING)
    if _v185 is not _MISSING and not (_s186(_v185)):
        return False
    if not _c188.issuperset(x):
        return False
    return True


def _d_FidelityDimension(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c190):
        return False
    return True


def _d_FidelityResult(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('site' in x and 'date' in x and 'summary' in x):
        return False
    _v191 = x.get('site', _MISSING)
    if _v191 is not _MISSING and not ((isinstance(_v191, str)) and (len(_v191) >= 1)):
        return False
    _v192 = x.get('date', _MISSING)
    if _v192 is not _MISSING and not ((isinstance(_v192, str)) and (_c23(_v192) is not None)):
        return False
    _v193 = x.get('score', _MISSING)
    if _v193 is not _MISSING and not (_integer(_v193)):
        return False
    _v194 = x.get('summary', _MISSING)
    if _v194 is not _MISSING and not ((isinstance(_v194, str)) and (len(_v194) >= 1)):
        return False
    _v195 = x.get('reference', _MISSING)
    if _v195 is not _MISSING and not ((isinstance(_v195, str)) and (_c2(_v195) is not None)):
        return False
    _v196 = x.get('basis', _MISSING)
    if _v196 is not _MISSING and not (_d_Basis(_v196)):
        return False
    if not _c197.issuperset(x):
        return False
    return True


def _d_FrameContext(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c199):
        return False
    return True


def _d_FrameDecider(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c200):
        return False
    return True


def _d_FrameFidelity(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c201):
        return False
    return True


def _d_FrameGoal(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c202):
        return False
    return True


def _d_FrameLevel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c203):
        return False
    return True


def _d_FrameNature(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c204):
        return False
    return True


def _d_FramePlanned(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c205):
        return False
    return True


def _d_FrameReasonLevel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c206):
        return False
    return True


def _d_FrameWhat(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c207):
        return False
    return True


def _d_FrameWhen(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c208):
        return False
    return True


def _d_Funding(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('funder' in x and 'kind' in x):
        return False
    _v209 = x.get('funder', _MISSING)
    if _v209 is not _MISSING and not ((isinstance(_v209, str)) and (len(_v209) >= 1)):
        return False
    _v210 = x.get('kind', _MISSING)
    if _v210 is not _MISSING and not (_d_FundingKind(_v210)):
        return False
    _v211 = x.get('purpose', _MISSING)
    if _v211 is not _MISSING and not ((isinstance(_v211, str)) and (len(_v211) >= 1)):
        return False
    _v212 = x.get('period', _MISSING)
    if _v212 is not _MISSING and not ((isinstance(_v212, str)) and (len(_v212) >= 1)):
        return False
    _v213 = x.get('reference', _MISSING)
    if _v213 is not _MISSING and not ((isinstance(_v213, str)) and (_c2(_v213) is not None)):
        return False
    if not _c214.issuperset(x):
        return False
    return True


def _d_FundingKind(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c216):
        return False
    return True


def _d_GlossaryTerm(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('term' in x and 'definition' in x):
        return False
    _v217 = x.get('term', _MISSING)
    if _v217 is not _MISSING and not ((isinstance(_v217, str)) and (len(_v217) >= 1)):
        return False
    _v218 = x.get('definition', _MISSING)
    if _v218 is not _MISSING and not ((isinstance(_v218, str)) and (len(_v218) >= 1)):
        return False
    if not _c219.issuperset(x):
        return False
    return True


def _d_GroupSize(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('min' in x):
        return False
    _v221 = x.get('min', _MISSING)
    if _v221 is not _MISSING and not ((_integer(_v221)) and (_v221 >= 1)):
        return False
    _v222 = x.get('max', _MISSING)
    if _v222 is not _MISSING and not ((_integer(_v222)) and (_v222 >= 1)):
        return False
    if not _c223.issuperset(x):
        return False
    return True


def _d_Guardrail(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('core_element' in x and 'note' in x):
        return False
    _v225 = x.get('core_element', _MISSING)
    if _v225 is not _MISSING and not ((isinstance(_v225, str)) and (_c2(_v225) is not None)):
        return False
    _v226 = x.get('note', _MISSING)
    if _v226 is not _MISSING and not ((isinstance(_v226, str)) and (len(_v226) >= 1)):
        return False
    if not _c227.issuperset(x):
        return False
    return True


def _d_Guidance(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('body' in x and 'document' in x and 'stance' in x):
        return False
    _v229 = x.get('body', _MISSING)
    if _v229 is not _MISSING and not ((isinstance(_v229, str)) and (len(_v229) >= 1)):
        return False
    _v230 = x.get('document', _MISSING)
    if _v230 is not _MISSING and not ((isinstance(_v230, str)) and (len(_v230) >= 1)):
        return False
    _v231 = x.get('date', _MISSING)
    if _v231 is not _MISSING and not ((isinstance(_v231, str)) and (_c23(_v231) is not None)):
        return False
    _v232 = x.get('stance', _MISSING)
    if _v232 is not _MISSING and not (_d_GuidanceStance(_v232)):
        return False
    _v233 = x.get('note', _MISSING)
    if _v233 is not _MISSING and not ((isinstance(_v233, str)) and (len(_v233) >= 1)):
        return False
    _v234 = x.get('reference', _MISSING)
    if _v234 is not _MISSING and not ((isinstance(_v234, str)) and (_c2(_v234) is not None)):
        return False
    if not _c235.issuperset(x):
        return False
    return True


def _d_GuidanceStance(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c237):
        return False
    return True


def _d_Instrument(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('provenance' in x):
        return False
    _v238 = x.get('provenance', _MISSING)
    if _v238 is not _MISSING and not (_d_Provenance(_v238)):
        return False
    _v239 = x.get('validated', _MISSING)
    if _v239 is not _MISSING and not (isinstance(_v239, bool)):
        return False
    _v240 = x.get('owner', _MISSING)
    if _v240 is not _MISSING and not ((isinstance(_v240, str)) and (len(_v240) >= 1)):
        return False
    _v241 = x.get('url', _MISSING)
    if _v241 is not _MISSING and not (isinstance(_v241, str)):
        return False
    _v242 = x.get('reference', _MISSING)
    if _v242 is not _MISSING and not ((isinstance(_v242, str)) and (_c2(_v242) is not None)):
        return False
    _v243 = x.get('note', _MISSING)
    if _v243 is not _MISSING and not ((isinstance(_v243, str)) and (len(_v243) >= 1)):
        return False
    if not _c244.issuperset(x):
        return False
    return True


def _s250(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v251 in x:
        if not (_d_PreviousHolder(_v251)):
            return False
    return True


def _s258(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v259 in x:
        if not (_d_Tier(_v259)):
            return False
    return True


def _d_Licence(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('spread_model' in x):
        return False
    _v246 = x.get('spread_model', _MISSING)
    if _v246 is not _MISSING and not (_d_SpreadModel(_v246)):
        return False
    _v247 = x.get('holder', _MISSING)
    if _v247 is not _MISSING and not ((isinstance(_v247, str)) and (len(_v247) >= 1)):
        return False
    _v248 = x.get('territory', _MISSING)
    if _v248 is not _MISSING and not ((isinstance(_v248, str)) and (len(_v248) >= 1)):
        return False
    _v249 = x.get('previous_holders', _MISSING)
    if _v249 is not _MISSING and not (_s250(_v249)):
        return False
    _v252 = x.get('standard_setter', _MISSING)
    if _v252 is not _MISSING and not ((isinstance(_v252, str)) and (len(_v252) >= 1)):
        return False
    _v253 = x.get('terms', _MISSING)
    if _v253 is not _MISSING and not ((isinstance(_v253, str)) and (len(_v253) >= 1)):
        return False
    _v254 = x.get('fee', _MISSING)
    if _v254 is not _MISSING and not ((isinstance(_v254, str)) and (len(_v254) >= 1)):
        return False
    _v255 = x.get('url', _MISSING)
    if _v255 is not _MISSING and not (isinstance(_v255, str)):
        return False
    _v256 = x.get('content_licence', _MISSING)
    if _v256 is not _MISSING and not ((isinstance(_v256, str)) and (len(_v256) >= 1)):
        return False
    _v257 = x.get('tiers', _MISSING)
    if _v257 is not _MISSING and not (_s258(_v257)):
        return False
    if not _c260.issuperset(x):
        return False
    return True


def _d_Lineage(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x):
        return False
    _v262 = x.get('name', _MISSING)
    if _v262 is not _MISSING and not ((isinstance(_v262, str)) and (len(_v262) >= 1)):
        return False
    _v263 = x.get('place', _MISSING)
    if _v263 is not _MISSING and not ((isinstance(_v263, str)) and (len(_v263) >= 1)):
        return False
    _v264 = x.get('note', _MISSING)
    if _v264 is not _MISSING and not ((isinstance(_v264, str)) and (len(_v264) >= 1)):
        return False
    _v265 = x.get('reference', _MISSING)
    if _v265 is not _MISSING and not ((isinstance(_v265, str)) and (_c2(_v265) is not None)):
        return False
    if not _c266.issuperset(x):
        return False
    return True


def _d_LocalAdaptation(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('site' in x and 'description' in x):
        return False
    _v268 = x.get('site', _MISSING)
    if _v268 is not _MISSING and not ((isinstance(_v268, str)) and (len(_v268) >= 1)):
        return False
    _v269 = x.get('description', _MISSING)
    if _v269 is not _MISSING and not ((isinstance(_v269, str)) and (len(_v269) >= 1)):
        return False
    _v270 = x.get('reference', _MISSING)
    if _v270 is not _MISSING and not ((isinstance(_v270, str)) and (_c2(_v270) is not None)):
        return False
    if not _c271.issuperset(x):
        return False
    return True


def _d_Material(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'title' in x and 'description' in x):
        return False
    _v273 = x.get('id', _MISSING)
    if _v273 is not _MISSING and not ((isinstance(_v273, str)) and (_c2(_v273) is not None)):
        return False
    _v274 = x.get('title', _MISSING)
    if _v274 is not _MISSING and not ((isinstance(_v274, str)) and (len(_v274) >= 1)):
        return False
    _v275 = x.get('description', _MISSING)
    if _v275 is not _MISSING and not ((isinstance(_v275, str)) and (len(_v275) >= 1)):
        return False
    _v276 = x.get('audience', _MISSING)
    if _v276 is not _MISSING and not ((isinstance(_v276, str)) and (len(_v276) >= 1)):
        return False
    _v277 = x.get('provided_by', _MISSING)
    if _v277 is not _MISSING and not ((isinstance(_v277, str)) and (len(_v277) >= 1)):
        return False
    _v278 = x.get('url', _MISSING)
    if _v278 is not _MISSING and not (isinstance(_v278, str)):
        return False
    _v279 = x.get('path', _MISSING)
    if _v279 is not _MISSING and not (isinstance(_v279, str)):
        return False
    _v280 = x.get('licence', _MISSING)
    if _v280 is not _MISSING and not ((isinstance(_v280, str)) and (len(_v280) >= 1)):
        return False
    if not _c281.issuperset(x):
        return False
    return True


def _d_ModeDetail(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('mode' in x):
        return False
    _v283 = x.get('mode', _MISSING)
    if _v283 is not _MISSING and not (_d_DeliveryMode(_v283)):
        return False
    _v284 = x.get('group_size', _MISSING)
    if _v284 is not _MISSING and not (_d_GroupSize(_v284)):
        return False
    _v285 = x.get('duration', _MISSING)
    if _v285 is not _MISSING and not ((isinstance(_v285, str)) and (len(_v285) >= 1)):
        return False
    _v286 = x.get('note', _MISSING)
    if _v286 is not _MISSING and not ((isinstance(_v286, str)) and (len(_v286) >= 1)):
        return False
    if not _c287.issuperset(x):
        return False
    return True


def _s297(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v298 in x:
        if not (_d_FrameDecider(_v298)):
            return False
    return True


def _s300(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v301 in x:
        if not (_d_FrameWhat(_v301)):
            return False
    return True


def _s304(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v305 in x:
        if not (_d_FrameContext(_v305)):
            return False
    return True


def _s307(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v308 in x:
        if not (_d_FrameNature(_v308)):
            return False
    return True


def _s311(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v312 in x:
        if not (_d_FrameGoal(_v312)):
            return False
    return True


def _s314(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v315 in x:
        if not (_d_Reason(_v315)):
            return False
    return True


def _s317(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v318 in x:
        if not ((isinstance(_v318, str)) and (_c2(_v318) is not None)):
            return False
    return True


def _s320(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v321 in x:
        if not ((isinstance(_v321, str)) and (_c2(_v321) is not None)):
            return False
    return True


def _d_Modification(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'description' in x and 'when' in x and 'planned' in x and 'decided_by' in x and 'what' in x and 'level' in x and 'fidelity' in x and 'goals' in x):
        return False
    _v289 = x.get('id', _MISSING)
    if _v289 is not _MISSING and not ((isinstance(_v289, str)) and (_c2(_v289) is not None)):
        return False
    _v290 = x.get('description', _MISSING)
    if _v290 is not _MISSING and not ((isinstance(_v290, str)) and (len(_v290) >= 1)):
        return False
    _v291 = x.get('site', _MISSING)
    if _v291 is not _MISSING and not ((isinstance(_v291, str)) and (len(_v291) >= 1)):
        return False
    _v292 = x.get('date', _MISSING)
    if _v292 is not _MISSING and not ((isinstance(_v292, str)) and (_c23(_v292) is not None)):
        return False
    _v293 = x.get('target', _MISSING)
    if _v293 is not _MISSING and not (_d_ModificationTarget(_v293)):
        return False
    _v294 = x.get('when', _MISSING)
    if _v294 is not _MISSING and not (_d_FrameWhen(_v294)):
        return False
    _v295 = x.get('planned', _MISSING)
    if _v295 is not _MISSING and not (_d_FramePlanned(_v295)):
        return False
    _v296 = x.get('decided_by', _MISSING)
    if _v296 is not _MISSING and not (_s297(_v296)):
        return False
    _v299 = x.get('what', _MISSING)
    if _v299 is not _MISSING and not (_s300(_v299)):
        return False
    _v302 = x.get('level', _MISSING)
    if _v302 is not _MISSING and not (_d_FrameLevel(_v302)):
        return False
    _v303 = x.get('context', _MISSING)
    if _v303 is not _MISSING and not (_s304(_v303)):
        return False
    _v306 = x.get('nature', _MISSING)
    if _v306 is not _MISSING and not (_s307(_v306)):
        return False
    _v309 = x.get('fidelity', _MISSING)
    if _v309 is not _MISSING and not (_d_FrameFidelity(_v309)):
        return False
    _v310 = x.get('goals', _MISSING)
    if _v310 is not _MISSING and not (_s311(_v310)):
        return False
    _v313 = x.get('reasons', _MISSING)
    if _v313 is not _MISSING and not (_s314(_v313)):
        return False
    _v316 = x.get('elements', _MISSING)
    if _v316 is not _MISSING and not (_s317(_v316)):
        return False
    _v319 = x.get('references', _MISSING)
    if _v319 is not _MISSING and not (_s320(_v319)):
        return False
    if not _c322.issuperset(x):
        return False
    return True


def _d_ModificationTarget(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c324):
        return False
    return True


def _d_NotApplicable(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('item' in x and 'reason' in x):
        return False
    _v325 = x.get('item', _MISSING)
    if _v325 is not _MISSING and not ((_integer(_v325)) and (_v325 <= 12) and (_v325 >= 1)):
        return False
    _v326 = x.get('reason', _MISSING)
    if _v326 is not _MISSING and not ((isinstance(_v326, str)) and (len(_v326) >= 1)):
        return False
    if not _c327.issuperset(x):
        return False
    return True


def _d_Obligation(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('kind' in x and 'description' in x):
        return False
    _v329 = x.get('kind', _MISSING)
    if _v329 is not _MISSING and not (_d_ObligationKind(_v329)):
        return False
    _v330 = x.get('description', _MISSING)
    if _v330 is not _MISSING and not ((isinstance(_v330, str)) and (len(_v330) >= 1)):
        return False
    _v331 = x.get('required', _MISSING)
    if _v331 is not _MISSING and not (isinstance(_v331, bool)):
        return False
    _v332 = x.get('basis', _MISSING)
    if _v332 is not _MISSING and not ((isinstance(_v332, str)) and (len(_v332) >= 1)):
        return False
    _v333 = x.get('party', _MISSING)
    if _v333 is not _MISSING and not ((isinstance(_v333, str)) and (_c2(_v333) is not None)):
        return False
    if not _c334.issuperset(x):
        return False
    return True


def _d_ObligationKind(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c336):
        return False
    return True


def _d_Option(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('option' in x):
        return False
    _v337 = x.get('option', _MISSING)
    if _v337 is not _MISSING and not ((isinstance(_v337, str)) and (len(_v337) >= 1)):
        return False
    _v338 = x.get('requires_approval', _MISSING)
    if _v338 is not _MISSING and not (isinstance(_v338, bool)):
        return False
    _v339 = x.get('note', _MISSING)
    if _v339 is not _MISSING and not ((isinstance(_v339, str)) and (len(_v339) >= 1)):
        return False
    if not _c340.issuperset(x):
        return False
    return True


def _d_Organisation(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('literal' in x):
        return False
    _v342 = x.get('literal', _MISSING)
    if _v342 is not _MISSING and not ((isinstance(_v342, str)) and (len(_v342) >= 1)):
        return False
    if not _c343.issuperset(x):
        return False
    return True


def _s349(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v350 in x:
        if not (_d_Lineage(_v350)):
            return False
    return True


def _s352(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v353 in x:
        if not ((isinstance(_v353, str)) and (len(_v353) >= 1)):
            return False
    return True


def _s356(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v357 in x:
        if not ((isinstance(_v357, str)) and (_c2(_v357) is not None)):
            return False
    return True


def _d_Origin(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('organisation' in x):
        return False
    _v345 = x.get('organisation', _MISSING)
    if _v345 is not _MISSING and not ((isinstance(_v345, str)) and (len(_v345) >= 1)):
        return False
    _v346 = x.get('place', _MISSING)
    if _v346 is not _MISSING and not ((isinstance(_v346, str)) and (len(_v346) >= 1)):
        return False
    _v347 = x.get('first_delivered', _MISSING)
    if _v347 is not _MISSING and not ((isinstance(_v347, str)) and (_c23(_v347) is not None)):
        return False
    _v348 = x.get('derived_from', _MISSING)
    if _v348 is not _MISSING and not (_s349(_v348)):
        return False
    _v351 = x.get('innovators', _MISSING)
    if _v351 is not _MISSING and not (_s352(_v351)):
        return False
    _v354 = x.get('history', _MISSING)
    if _v354 is not _MISSING and not ((isinstance(_v354, str)) and (len(_v354) >= 1)):
        return False
    _v355 = x.get('references', _MISSING)
    if _v355 is not _MISSING and not (_s356(_v355)):
        return False
    if not _c358.issuperset(x):
        return False
    return True


def _s366(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v367 in x:
        if not ((isinstance(_v367, str)) and (_c2(_v367) is not None)):
            return False
    return True


def _d_Outcome(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'measure' in x):
        return False
    _v360 = x.get('id', _MISSING)
    if _v360 is not _MISSING and not ((isinstance(_v360, str)) and (_c2(_v360) is not None)):
        return False
    _v361 = x.get('name', _MISSING)
    if _v361 is not _MISSING and not ((isinstance(_v361, str)) and (len(_v361) >= 1)):
        return False
    _v362 = x.get('measure', _MISSING)
    if _v362 is not _MISSING and not ((isinstance(_v362, str)) and (len(_v362) >= 1)):
        return False
    _v363 = x.get('level', _MISSING)
    if _v363 is not _MISSING and not ((isinstance(_v363, str)) and (len(_v363) >= 1)):
        return False
    _v364 = x.get('timing', _MISSING)
    if _v364 is not _MISSING and not ((isinstance(_v364, str)) and (len(_v364) >= 1)):
        return False
    _v365 = x.get('references', _MISSING)
    if _v365 is not _MISSING and not (_s366(_v365)):
        return False
    if not _c368.issuperset(x):
        return False
    return True


def _d_Party(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c370):
        return False
    return True


def _s376(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v377 in x:
        if not ((isinstance(_v377, str)) and (len(_v377) >= 1)):
            return False
    return True


def _d_PartyEntry(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'kind' in x):
        return False
    _v371 = x.get('id', _MISSING)
    if _v371 is not _MISSING and not ((isinstance(_v371, str)) and (_c2(_v371) is not None)):
        return False
    _v372 = x.get('name', _MISSING)
    if _v372 is not _MISSING and not ((isinstance(_v372, str)) and (len(_v372) >= 1)):
        return False
    _v373 = x.get('kind', _MISSING)
    if _v373 is not _MISSING and not (_d_Party(_v373)):
        return False
    _v374 = x.get('description', _MISSING)
    if _v374 is not _MISSING and not ((isinstance(_v374, str)) and (len(_v374) >= 1)):
        return False
    _v375 = x.get('responsibilities', _MISSING)
    if _v375 is not _MISSING and not (_s376(_v375)):
        return False
    if not _c378.issuperset(x):
        return False
    return True


def _s383(x: Any) -> bool:
    if not ((isinstance(x, str)) and (len(x) >= 1) or _d_Option(x)):
        return False
    return True


def _s381(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v382 in x:
        if not (_s383(_v382)):
            return False
    return True


def _d_PermittedAdaptations(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    _v380 = x.get('options', _MISSING)
    if _v380 is not _MISSING and not (_s381(_v380)):
        return False
    _v384 = x.get('range', _MISSING)
    if _v384 is not _MISSING and not (_d_Range(_v384)):
        return False
    _v385 = x.get('guidance', _MISSING)
    if _v385 is not _MISSING and not ((isinstance(_v385, str)) and (len(_v385) >= 1)):
        return False
    if not _c386.issuperset(x):
        return False
    return True


def _d_Person(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('family' in x):
        return False
    _v388 = x.get('family', _MISSING)
    if _v388 is not _MISSING and not ((isinstance(_v388, str)) and (len(_v388) >= 1)):
        return False
    _v389 = x.get('given', _MISSING)
    if _v389 is not _MISSING and not ((isinstance(_v389, str)) and (len(_v389) >= 1)):
        return False
    if not _c390.issuperset(x):
        return False
    return True


def _s397(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v398 in x:
        if not (_d_Step(_v398)):
            return False
    return True


def _d_Phase(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'goal' in x and 'timescale' in x and 'steps' in x):
        return False
    _v392 = x.get('id', _MISSING)
    if _v392 is not _MISSING and not ((isinstance(_v392, str)) and (_c2(_v392) is not None)):
        return False
    _v393 = x.get('name', _MISSING)
    if _v393 is not _MISSING and not ((isinstance(_v393, str)) and (len(_v393) >= 1)):
        return False
    _v394 = x.get('goal', _MISSING)
    if _v394 is not _MISSING and not ((isinstance(_v394, str)) and (len(_v394) >= 1)):
        return False
    _v395 = x.get('timescale', _MISSING)
    if _v395 is not _MISSING and not ((isinstance(_v395, str)) and (len(_v395) >= 1)):
        return False
    _v396 = x.get('steps', _MISSING)
    if _v396 is not _MISSING and not (_s397(_v396)):
        return False
    if not _c399.issuperset(x):
        return False
    return True


def _s403(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v404 in x:
        if not ((isinstance(_v404, str)) and (len(_v404) >= 1)):
            return False
    return True


def _s406(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v407 in x:
        if not ((isinstance(_v407, str)) and (len(_v407) >= 1)):
            return False
    return True


def _d_Population(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('description' in x):
        return False
    _v401 = x.get('description', _MISSING)
    if _v401 is not _MISSING and not ((isinstance(_v401, str)) and (len(_v401) >= 1)):
        return False
    _v402 = x.get('inclusion', _MISSING)
    if _v402 is not _MISSING and not (_s403(_v402)):
        return False
    _v405 = x.get('exclusion', _MISSING)
    if _v405 is not _MISSING and not (_s406(_v405)):
        return False
    if not _c408.issuperset(x):
        return False
    return True


def _d_PreviousHolder(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x):
        return False
    _v410 = x.get('name', _MISSING)
    if _v410 is not _MISSING and not ((isinstance(_v410, str)) and (len(_v410) >= 1)):
        return False
    _v411 = x.get('start', _MISSING)
    if _v411 is not _MISSING and not ((isinstance(_v411, str)) and (_c23(_v411) is not None)):
        return False
    _v412 = x.get('end', _MISSING)
    if _v412 is not _MISSING and not ((isinstance(_v412, str)) and (_c23(_v412) is not None)):
        return False
    _v413 = x.get('note', _MISSING)
    if _v413 is not _MISSING and not ((isinstance(_v413, str)) and (len(_v413) >= 1)):
        return False
    if not _c414.issuperset(x):
        return False
    return True


def _s420(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v421 in x:
        if not ((isinstance(_v421, str)) and (_c2(_v421) is not None)):
            return False
    return True


def _s423(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v424 in x:
        if not ((isinstance(_v424, str)) and (_c2(_v424) is not None)):
            return False
    return True


def _d_Procedure(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'description' in x):
        return False
    _v416 = x.get('id', _MISSING)
    if _v416 is not _MISSING and not ((isinstance(_v416, str)) and (_c2(_v416) is not None)):
        return False
    _v417 = x.get('name', _MISSING)
    if _v417 is not _MISSING and not ((isinstance(_v417, str)) and (len(_v417) >= 1)):
        return False
    _v418 = x.get('description', _MISSING)
    if _v418 is not _MISSING and not ((isinstance(_v418, str)) and (len(_v418) >= 1)):
        return False
    _v419 = x.get('roles', _MISSING)
    if _v419 is not _MISSING and not (_s420(_v419)):
        return False
    _v422 = x.get('materials', _MISSING)
    if _v422 is not _MISSING and not (_s423(_v422)):
        return False
    _v425 = x.get('timing', _MISSING)
    if _v425 is not _MISSING and not ((isinstance(_v425, str)) and (len(_v425) >= 1)):
        return False
    _v426 = x.get('party', _MISSING)
    if _v426 is not _MISSING and not ((isinstance(_v426, str)) and (_c2(_v426) is not None)):
        return False
    _v427 = x.get('automated', _MISSING)
    if _v427 is not _MISSING and not (isinstance(_v427, bool)):
        return False
    if not _c428.issuperset(x):
        return False
    return True


def _s434(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v435 in x:
        if not ((isinstance(_v435, str)) and (_c2(_v435) is not None)):
            return False
    return True


def _d_Proscribed(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'practice' in x and 'reason' in x):
        return False
    _v430 = x.get('id', _MISSING)
    if _v430 is not _MISSING and not ((isinstance(_v430, str)) and (_c2(_v430) is not None)):
        return False
    _v431 = x.get('practice', _MISSING)
    if _v431 is not _MISSING and not ((isinstance(_v431, str)) and (len(_v431) >= 1)):
        return False
    _v432 = x.get('reason', _MISSING)
    if _v432 is not _MISSING and not ((isinstance(_v432, str)) and (len(_v432) >= 1)):
        return False
    _v433 = x.get('core_elements', _MISSING)
    if _v433 is not _MISSING and not (_s434(_v433)):
        return False
    if not _c436.issuperset(x):
        return False
    return True


def _d_Provenance(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c438):
        return False
    return True


def _d_Qualifier(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c439):
        return False
    return True


def _d_Range(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('unit' in x):
        return False
    _v440 = x.get('min', _MISSING)
    if _v440 is not _MISSING and not (_number(_v440)):
        return False
    _v441 = x.get('max', _MISSING)
    if _v441 is not _MISSING and not (_number(_v441)):
        return False
    _v442 = x.get('unit', _MISSING)
    if _v442 is not _MISSING and not ((isinstance(_v442, str)) and (len(_v442) >= 1)):
        return False
    if not _c443.issuperset(x):
        return False
    return True


def _s448(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v449 in x:
        if not ((isinstance(_v449, str)) and (len(_v449) >= 1)):
            return False
    return True


def _d_Rationale(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('summary' in x):
        return False
    _v445 = x.get('summary', _MISSING)
    if _v445 is not _MISSING and not ((isinstance(_v445, str)) and (len(_v445) >= 1)):
        return False
    _v446 = x.get('theory_of_change', _MISSING)
    if _v446 is not _MISSING and not ((isinstance(_v446, str)) and (len(_v446) >= 1)):
        return False
    _v447 = x.get('mechanisms', _MISSING)
    if _v447 is not _MISSING and not (_s448(_v447)):
        return False
    if not _c450.issuperset(x):
        return False
    return True


def _d_ReadinessCriterion(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'criterion' in x):
        return False
    _v452 = x.get('id', _MISSING)
    if _v452 is not _MISSING and not ((isinstance(_v452, str)) and (_c2(_v452) is not None)):
        return False
    _v453 = x.get('criterion', _MISSING)
    if _v453 is not _MISSING and not ((isinstance(_v453, str)) and (len(_v453) >= 1)):
        return False
    _v454 = x.get('how_to_show', _MISSING)
    if _v454 is not _MISSING and not ((isinstance(_v454, str)) and (len(_v454) >= 1)):
        return False
    _v455 = x.get('required', _MISSING)
    if _v455 is not _MISSING and not (isinstance(_v455, bool)):
        return False
    _v456 = x.get('party', _MISSING)
    if _v456 is not _MISSING and not ((isinstance(_v456, str)) and (_c2(_v456) is not None)):
        return False
    if not _c457.issuperset(x):
        return False
    return True


def _d_Reason(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('level' in x and 'factor' in x):
        return False
    _v459 = x.get('level', _MISSING)
    if _v459 is not _MISSING and not (_d_FrameReasonLevel(_v459)):
        return False
    _v460 = x.get('factor', _MISSING)
    if _v460 is not _MISSING and not ((isinstance(_v460, str)) and (len(_v460) >= 1)):
        return False
    if not _c461.issuperset(x):
        return False
    return True


def _s469(x: Any) -> bool:
    if not (_d_Person(x) or _d_Organisation(x)):
        return False
    return True


def _s467(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v468 in x:
        if not (_s469(_v468)):
            return False
    return True


def _s466(x: Any) -> bool:
    if not ((isinstance(x, str)) and (len(x) >= 1) or _s467(x)):
        return False
    return True


def _d_Reference(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'authors' in x and 'title' in x):
        return False
    _v463 = x.get('id', _MISSING)
    if _v463 is not _MISSING and not ((isinstance(_v463, str)) and (_c2(_v463) is not None)):
        return False
    _v464 = x.get('type', _MISSING)
    if _v464 is not _MISSING and not (_d_ReferenceType(_v464)):
        return False
    _v465 = x.get('authors', _MISSING)
    if _v465 is not _MISSING and not (_s466(_v465)):
        return False
    _v470 = x.get('year', _MISSING)
    if _v470 is not _MISSING and not ((_integer(_v470)) and (_v470 <= 2100) and (_v470 >= 1800)):
        return False
    _v471 = x.get('accessed', _MISSING)
    if _v471 is not _MISSING and not ((isinstance(_v471, str)) and (_c23(_v471) is not None)):
        return False
    _v472 = x.get('title', _MISSING)
    if _v472 is not _MISSING and not ((isinstance(_v472, str)) and (len(_v472) >= 1)):
        return False
    _v473 = x.get('publisher', _MISSING)
    if _v473 is not _MISSING and not ((isinstance(_v473, str)) and (len(_v473) >= 1)):
        return False
    _v474 = x.get('details', _MISSING)
    if _v474 is not _MISSING and not ((isinstance(_v474, str)) and (len(_v474) >= 1)):
        return False
    _v475 = x.get('doi', _MISSING)
    if _v475 is not _MISSING and not (isinstance(_v475, str)):
        return False
    _v476 = x.get('url', _MISSING)
    if _v476 is not _MISSING and not (isinstance(_v476, str)):
        return False
    if not _c477.issuperset(x):
        return False
    return True


def _d_ReferenceType(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c479):
        return False
    return True


def _d_Regulation(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('scheme' in x and 'status' in x):
        return False
    _v480 = x.get('scheme', _MISSING)
    if _v480 is not _MISSING and not ((isinstance(_v480, str)) and (len(_v480) >= 1)):
        return False
    _v481 = x.get('status', _MISSING)
    if _v481 is not _MISSING and not ((isinstance(_v481, str)) and (len(_v481) >= 1)):
        return False
    _v482 = x.get('reference', _MISSING)
    if _v482 is not _MISSING and not ((isinstance(_v482, str)) and (_c2(_v482) is not None)):
        return False
    if not _c483.issuperset(x):
        return False
    return True


def _s488(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v489 in x:
        if not ((isinstance(_v489, str)) and (len(_v489) >= 1)):
            return False
    return True


def _s496(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v497 in x:
        if not ((isinstance(_v497, str)) and (_c2(_v497) is not None)):
            return False
    return True


def _d_Role(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'title' in x and 'responsibilities' in x):
        return False
    _v485 = x.get('id', _MISSING)
    if _v485 is not _MISSING and not ((isinstance(_v485, str)) and (_c2(_v485) is not None)):
        return False
    _v486 = x.get('title', _MISSING)
    if _v486 is not _MISSING and not ((isinstance(_v486, str)) and (len(_v486) >= 1)):
        return False
    _v487 = x.get('responsibilities', _MISSING)
    if _v487 is not _MISSING and not (_s488(_v487)):
        return False
    _v490 = x.get('qualifications', _MISSING)
    if _v490 is not _MISSING and not ((isinstance(_v490, str)) and (len(_v490) >= 1)):
        return False
    _v491 = x.get('training', _MISSING)
    if _v491 is not _MISSING and not ((isinstance(_v491, str)) and (len(_v491) >= 1)):
        return False
    _v492 = x.get('time_commitment', _MISSING)
    if _v492 is not _MISSING and not ((isinstance(_v492, str)) and (len(_v492) >= 1)):
        return False
    _v493 = x.get('party', _MISSING)
    if _v493 is not _MISSING and not ((isinstance(_v493, str)) and (_c2(_v493) is not None)):
        return False
    _v494 = x.get('required', _MISSING)
    if _v494 is not _MISSING and not (isinstance(_v494, bool)):
        return False
    _v495 = x.get('references', _MISSING)
    if _v495 is not _MISSING and not (_s496(_v495)):
        return False
    if not _c498.issuperset(x):
        return False
    return True


def _s504(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v505 in x:
        if not (_d_Anchor(_v505)):
            return False
    return True


def _d_Scale(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('kind' in x):
        return False
    _v500 = x.get('kind', _MISSING)
    if _v500 is not _MISSING and not (_d_ScaleKind(_v500)):
        return False
    _v501 = x.get('min', _MISSING)
    if _v501 is not _MISSING and not (_integer(_v501)):
        return False
    _v502 = x.get('max', _MISSING)
    if _v502 is not _MISSING and not (_integer(_v502)):
        return False
    _v503 = x.get('anchors', _MISSING)
    if _v503 is not _MISSING and not (_s504(_v503)):
        return False
    _v506 = x.get('yes', _MISSING)
    if _v506 is not _MISSING and not ((isinstance(_v506, str)) and (len(_v506) >= 1)):
        return False
    if not _c507.issuperset(x):
        return False
    return True


def _d_ScaleKind(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c509):
        return False
    return True


def _s513(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v514 in x:
        if not ((isinstance(_v514, str)) and (len(_v514) >= 1)):
            return False
    return True


def _d_Setting(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('type' in x):
        return False
    _v510 = x.get('type', _MISSING)
    if _v510 is not _MISSING and not ((isinstance(_v510, str)) and (len(_v510) >= 1)):
        return False
    _v511 = x.get('description', _MISSING)
    if _v511 is not _MISSING and not ((isinstance(_v511, str)) and (len(_v511) >= 1)):
        return False
    _v512 = x.get('infrastructure', _MISSING)
    if _v512 is not _MISSING and not (_s513(_v512)):
        return False
    if not _c515.issuperset(x):
        return False
    return True


def _d_SpreadApproach(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c517):
        return False
    return True


def _d_SpreadLesson(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('lever' in x and 'effect' in x):
        return False
    _v518 = x.get('lever', _MISSING)
    if _v518 is not _MISSING and not ((isinstance(_v518, str)) and (len(_v518) >= 1)):
        return False
    _v519 = x.get('effect', _MISSING)
    if _v519 is not _MISSING and not ((isinstance(_v519, str)) and (len(_v519) >= 1)):
        return False
    _v520 = x.get('reference', _MISSING)
    if _v520 is not _MISSING and not ((isinstance(_v520, str)) and (_c2(_v520) is not None)):
        return False
    if not _c521.issuperset(x):
        return False
    return True


def _d_SpreadModel(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c523):
        return False
    return True


def _d_Status(x: Any) -> bool:
    if not (isinstance(x, str)):
        return False
    if not (isinstance(x, str) and x in _c524):
        return False
    return True


def _s531(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v532 in x:
        if not ((isinstance(_v532, str)) and (_c2(_v532) is not None)):
            return False
    return True


def _s534(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v535 in x:
        if not ((isinstance(_v535, str)) and (_c2(_v535) is not None)):
            return False
    return True


def _d_Step(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('action' in x and 'owner' in x):
        return False
    _v525 = x.get('action', _MISSING)
    if _v525 is not _MISSING and not ((isinstance(_v525, str)) and (len(_v525) >= 1)):
        return False
    _v526 = x.get('owner', _MISSING)
    if _v526 is not _MISSING and not ((isinstance(_v526, str)) and (len(_v526) >= 1)):
        return False
    _v527 = x.get('timescale', _MISSING)
    if _v527 is not _MISSING and not ((isinstance(_v527, str)) and (len(_v527) >= 1)):
        return False
    _v528 = x.get('output', _MISSING)
    if _v528 is not _MISSING and not ((isinstance(_v528, str)) and (len(_v528) >= 1)):
        return False
    _v529 = x.get('party', _MISSING)
    if _v529 is not _MISSING and not ((isinstance(_v529, str)) and (_c2(_v529) is not None)):
        return False
    _v530 = x.get('roles', _MISSING)
    if _v530 is not _MISSING and not (_s531(_v530)):
        return False
    _v533 = x.get('materials', _MISSING)
    if _v533 is not _MISSING and not (_s534(_v533)):
        return False
    _v536 = x.get('automated', _MISSING)
    if _v536 is not _MISSING and not (isinstance(_v536, bool)):
        return False
    if not _c537.issuperset(x):
        return False
    return True


def _s540(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v541 in x:
        if not ((isinstance(_v541, str)) and (len(_v541) >= 1)):
            return False
    return True


def _s543(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v544 in x:
        if not (_d_Obligation(_v544)):
            return False
    return True


def _d_Support(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('offered' in x):
        return False
    _v539 = x.get('offered', _MISSING)
    if _v539 is not _MISSING and not (_s540(_v539)):
        return False
    _v542 = x.get('obligations', _MISSING)
    if _v542 is not _MISSING and not (_s543(_v542)):
        return False
    _v545 = x.get('contact', _MISSING)
    if _v545 is not _MISSING and not ((isinstance(_v545, str)) and (len(_v545) >= 1)):
        return False
    if not _c546.issuperset(x):
        return False
    return True


def _d_Target(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x):
        return False
    _v548 = x.get('name', _MISSING)
    if _v548 is not _MISSING and not ((isinstance(_v548, str)) and (len(_v548) >= 1)):
        return False
    _v549 = x.get('by', _MISSING)
    if _v549 is not _MISSING and not ((isinstance(_v549, str)) and (_c23(_v549) is not None)):
        return False
    _v550 = x.get('set_by', _MISSING)
    if _v550 is not _MISSING and not ((isinstance(_v550, str)) and (len(_v550) >= 1)):
        return False
    _v551 = x.get('reference', _MISSING)
    if _v551 is not _MISSING and not ((isinstance(_v551, str)) and (_c2(_v551) is not None)):
        return False
    if not _c552.issuperset(x):
        return False
    return True


def _d_TechComponent(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x and 'description' in x):
        return False
    _v554 = x.get('name', _MISSING)
    if _v554 is not _MISSING and not ((isinstance(_v554, str)) and (len(_v554) >= 1)):
        return False
    _v555 = x.get('description', _MISSING)
    if _v555 is not _MISSING and not ((isinstance(_v555, str)) and (len(_v555) >= 1)):
        return False
    _v556 = x.get('supplier', _MISSING)
    if _v556 is not _MISSING and not ((isinstance(_v556, str)) and (len(_v556) >= 1)):
        return False
    _v557 = x.get('owner', _MISSING)
    if _v557 is not _MISSING and not ((isinstance(_v557, str)) and (len(_v557) >= 1)):
        return False
    _v558 = x.get('url', _MISSING)
    if _v558 is not _MISSING and not (isinstance(_v558, str)):
        return False
    if not _c559.issuperset(x):
        return False
    return True


def _s562(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v563 in x:
        if not (_d_TechComponent(_v563)):
            return False
    return True


def _s565(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v566 in x:
        if not (_d_Regulation(_v566)):
            return False
    return True


def _s569(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v570 in x:
        if not ((isinstance(_v570, str)) and (len(_v570) >= 1)):
            return False
    return True


def _d_Technology(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('components' in x):
        return False
    _v561 = x.get('components', _MISSING)
    if _v561 is not _MISSING and not (_s562(_v561)):
        return False
    _v564 = x.get('regulatory', _MISSING)
    if _v564 is not _MISSING and not (_s565(_v564)):
        return False
    _v567 = x.get('data_protection', _MISSING)
    if _v567 is not _MISSING and not ((isinstance(_v567, str)) and (len(_v567) >= 1)):
        return False
    _v568 = x.get('interoperability', _MISSING)
    if _v568 is not _MISSING and not (_s569(_v568)):
        return False
    _v571 = x.get('hosting', _MISSING)
    if _v571 is not _MISSING and not ((isinstance(_v571, str)) and (len(_v571) >= 1)):
        return False
    if not _c572.issuperset(x):
        return False
    return True


def _s578(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v579 in x:
        if not ((isinstance(_v579, str)) and (len(_v579) >= 1)):
            return False
    return True


def _d_Tier(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'description' in x):
        return False
    _v574 = x.get('id', _MISSING)
    if _v574 is not _MISSING and not ((isinstance(_v574, str)) and (_c2(_v574) is not None)):
        return False
    _v575 = x.get('name', _MISSING)
    if _v575 is not _MISSING and not ((isinstance(_v575, str)) and (len(_v575) >= 1)):
        return False
    _v576 = x.get('description', _MISSING)
    if _v576 is not _MISSING and not ((isinstance(_v576, str)) and (len(_v576) >= 1)):
        return False
    _v577 = x.get('obligations', _MISSING)
    if _v577 is not _MISSING and not (_s578(_v577)):
        return False
    _v580 = x.get('fee', _MISSING)
    if _v580 is not _MISSING and not ((isinstance(_v580, str)) and (len(_v580) >= 1)):
        return False
    if not _c581.issuperset(x):
        return False
    return True


def _s586(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v587 in x:
        if not ((isinstance(_v587, str)) and (_c2(_v587) is not None)):
            return False
    return True


def _d_Variant(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('name' in x and 'description' in x):
        return False
    _v583 = x.get('name', _MISSING)
    if _v583 is not _MISSING and not ((isinstance(_v583, str)) and (len(_v583) >= 1)):
        return False
    _v584 = x.get('description', _MISSING)
    if _v584 is not _MISSING and not ((isinstance(_v584, str)) and (len(_v584) >= 1)):
        return False
    _v585 = x.get('references', _MISSING)
    if _v585 is not _MISSING and not (_s586(_v585)):
        return False
    if not _c588.issuperset(x):
        return False
    return True


def _s597(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v598 in x:
        if not ((isinstance(_v598, str)) and (_c2(_v598) is not None)):
            return False
    return True


def _d_Verdict(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('summary' in x and 'reason' in x and 'decided_by' in x and 'date' in x):
        return False
    _v590 = x.get('summary', _MISSING)
    if _v590 is not _MISSING and not ((isinstance(_v590, str)) and (len(_v590) >= 1)):
        return False
    _v591 = x.get('reason', _MISSING)
    if _v591 is not _MISSING and not ((isinstance(_v591, str)) and (len(_v591) >= 1)):
        return False
    _v592 = x.get('decided_by', _MISSING)
    if _v592 is not _MISSING and not ((isinstance(_v592, str)) and (len(_v592) >= 1)):
        return False
    _v593 = x.get('date', _MISSING)
    if _v593 is not _MISSING and not ((isinstance(_v593, str)) and (_c23(_v593) is not None)):
        return False
    _v594 = x.get('applies_to', _MISSING)
    if _v594 is not _MISSING and not ((isinstance(_v594, str)) and (len(_v594) >= 1)):
        return False
    _v595 = x.get('replaced_by', _MISSING)
    if _v595 is not _MISSING and not ((isinstance(_v595, str)) and (len(_v595) >= 1)):
        return False
    _v596 = x.get('references', _MISSING)
    if _v596 is not _MISSING and not (_s597(_v596)):
        return False
    if not _c599.issuperset(x):
        return False
    return True


def _s613(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v614 in x:
        if not (_d_Evidence(_v614)):
            return False
    return True


def _s616(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v617 in x:
        if not (_d_Guidance(_v617)):
            return False
    return True


def _s619(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v620 in x:
        if not (_d_Funding(_v620)):
            return False
    return True


def _s622(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v623 in x:
        if not ((isinstance(_v623, str)) and (len(_v623) >= 1)):
            return False
    return True


def _s626(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v627 in x:
        if not (_d_Contact(_v627)):
            return False
    return True


def _s629(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v630 in x:
        if not (_d_Contact(_v630)):
            return False
    return True


def _s634(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v635 in x:
        if not (_d_PartyEntry(_v635)):
            return False
    return True


def _s637(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v638 in x:
        if not (_d_Component(_v638)):
            return False
    return True


def _s643(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v644 in x:
        if not (_d_Setting(_v644)):
            return False
    return True


def _s646(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v647 in x:
        if not (_d_ReadinessCriterion(_v647)):
            return False
    return True


def _s649(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v650 in x:
        if not (_d_Role(_v650)):
            return False
    return True


def _s652(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v653 in x:
        if not (_d_Material(_v653)):
            return False
    return True


def _s655(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v656 in x:
        if not (_d_CoreElement(_v656)):
            return False
    return True


def _s658(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v659 in x:
        if not (_d_AdaptableElement(_v659)):
            return False
    return True


def _s661(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v662 in x:
        if not (_d_Proscribed(_v662)):
            return False
    return True


def _s665(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v666 in x:
        if not (_d_Phase(_v666)):
            return False
    return True


def _s669(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v670 in x:
        if not (_d_Modification(_v670)):
            return False
    return True


def _s673(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v674 in x:
        if not (_d_Variant(_v674)):
            return False
    return True


def _s676(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v677 in x:
        if not (_d_AdoptionFigure(_v677)):
            return False
    return True


def _s679(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v680 in x:
        if not (_d_SpreadApproach(_v680)):
            return False
    return True


def _s682(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v683 in x:
        if not (_d_SpreadLesson(_v683)):
            return False
    return True


def _s685(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v686 in x:
        if not (_d_Target(_v686)):
            return False
    return True


def _s688(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    if len(x) < 1:
        return False
    for _v689 in x:
        if not (_d_Outcome(_v689)):
            return False
    return True


def _s692(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v693 in x:
        if not (_d_GlossaryTerm(_v693)):
            return False
    return True


def _s695(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v696 in x:
        if not (_d_Reference(_v696)):
            return False
    return True


def _s698(x: Any) -> bool:
    if not (isinstance(x, list)):
        return False
    for _v699 in x:
        if not (_d_NotApplicable(_v699)):
            return False
    return True


def _s704(x: Any) -> bool:
    if not (isinstance(x, str) and x in _c705):
        return False
    return True


def _s702(x: Any) -> bool:
    if isinstance(x, dict):
        if not ('status' in x):
            return False
        _v703 = x.get('status', _MISSING)
        if _v703 is not _MISSING and not (_s704(_v703)):
            return False
    return True


def _s707(x: Any) -> bool:
    if isinstance(x, list):
        if len(x) < 1:
            return False
    return True


def accepts(x: Any) -> bool:
    if not (isinstance(x, dict)):
        return False
    if not ('id' in x and 'name' in x and 'version' in x and 'status' in x and 'summary' in x and 'problem' in x and 'rationale' in x and 'origin' in x and 'owners' in x and 'population' in x and 'settings' in x and 'roles' in x and 'core_elements' in x and 'delivery' in x and 'outcomes' in x):
        return False
    _v601 = x.get('format_version', _MISSING)
    if _v601 is not _MISSING and not ((isinstance(_v601, str)) and (_c602(_v601) is not None)):
        return False
    _v603 = x.get('id', _MISSING)
    if _v603 is not _MISSING and not ((isinstance(_v603, str)) and (_c2(_v603) is not None)):
        return False
    _v604 = x.get('name', _MISSING)
    if _v604 is not _MISSING and not ((isinstance(_v604, str)) and (len(_v604) >= 1)):
        return False
    _v605 = x.get('short_name', _MISSING)
    if _v605 is not _MISSING and not ((isinstance(_v605, str)) and (len(_v605) >= 1)):
        return False
    _v606 = x.get('version', _MISSING)
    if _v606 is not _MISSING and not (isinstance(_v606, str)):
        return False
    _v607 = x.get('status', _MISSING)
    if _v607 is not _MISSING and not (_d_Status(_v607)):
        return False
    _v608 = x.get('verdict', _MISSING)
    if _v608 is not _MISSING and not (_d_Verdict(_v608)):
        return False
    _v609 = x.get('summary', _MISSING)
    if _v609 is not _MISSING and not ((isinstance(_v609, str)) and (len(_v609) >= 1)):
        return False
    _v610 = x.get('problem', _MISSING)
    if _v610 is not _MISSING and not ((isinstance(_v610, str)) and (len(_v610) >= 1)):
        return False
    _v611 = x.get('rationale', _MISSING)
    if _v611 is not _MISSING and not (_d_Rationale(_v611)):
        return False
    _v612 = x.get('evidence', _MISSING)
    if _v612 is not _MISSING and not (_s613(_v612)):
        return False
    _v615 = x.get('guidance', _MISSING)
    if _v615 is not _MISSING and not (_s616(_v615)):
        return False
    _v618 = x.get('funding', _MISSING)
    if _v618 is not _MISSING and not (_s619(_v618)):
        return False
    _v621 = x.get('conflicts_of_interest', _MISSING)
    if _v621 is not _MISSING and not (_s622(_v621)):
        return False
    _v624 = x.get('origin', _MISSING)
    if _v624 is not _MISSING and not (_d_Origin(_v624)):
        return False
    _v625 = x.get('owners', _MISSING)
    if _v625 is not _MISSING and not (_s626(_v625)):
        return False
    _v628 = x.get('contacts', _MISSING)
    if _v628 is not _MISSING and not (_s629(_v628)):
        return False
    _v631 = x.get('licence', _MISSING)
    if _v631 is not _MISSING and not (_d_Licence(_v631)):
        return False
    _v632 = x.get('audience', _MISSING)
    if _v632 is not _MISSING and not (_d_Audience(_v632)):
        return False
    _v633 = x.get('parties', _MISSING)
    if _v633 is not _MISSING and not (_s634(_v633)):
        return False
    _v636 = x.get('components', _MISSING)
    if _v636 is not _MISSING and not (_s637(_v636)):
        return False
    _v639 = x.get('choose', _MISSING)
    if _v639 is not _MISSING and not (_d_Choice(_v639)):
        return False
    _v640 = x.get('technology', _MISSING)
    if _v640 is not _MISSING and not (_d_Technology(_v640)):
        return False
    _v641 = x.get('population', _MISSING)
    if _v641 is not _MISSING and not (_d_Population(_v641)):
        return False
    _v642 = x.get('settings', _MISSING)
    if _v642 is not _MISSING and not (_s643(_v642)):
        return False
    _v645 = x.get('readiness', _MISSING)
    if _v645 is not _MISSING and not (_s646(_v645)):
        return False
    _v648 = x.get('roles', _MISSING)
    if _v648 is not _MISSING and not (_s649(_v648)):
        return False
    _v651 = x.get('materials', _MISSING)
    if _v651 is not _MISSING and not (_s652(_v651)):
        return False
    _v654 = x.get('core_elements', _MISSING)
    if _v654 is not _MISSING and not (_s655(_v654)):
        return False
    _v657 = x.get('adaptable_elements', _MISSING)
    if _v657 is not _MISSING and not (_s658(_v657)):
        return False
    _v660 = x.get('proscribed', _MISSING)
    if _v660 is not _MISSING and not (_s661(_v660)):
        return False
    _v663 = x.get('delivery', _MISSING)
    if _v663 is not _MISSING and not (_d_Delivery(_v663)):
        return False
    _v664 = x.get('pathway', _MISSING)
    if _v664 is not _MISSING and not (_s665(_v664)):
        return False
    _v667 = x.get('fidelity', _MISSING)
    if _v667 is not _MISSING and not (_d_Fidelity(_v667)):
        return False
    _v668 = x.get('modifications', _MISSING)
    if _v668 is not _MISSING and not (_s669(_v668)):
        return False
    _v671 = x.get('complexity', _MISSING)
    if _v671 is not _MISSING and not (_d_Complexity(_v671)):
        return False
    _v672 = x.get('variants', _MISSING)
    if _v672 is not _MISSING and not (_s673(_v672)):
        return False
    _v675 = x.get('adoption', _MISSING)
    if _v675 is not _MISSING and not (_s676(_v675)):
        return False
    _v678 = x.get('spread_approaches', _MISSING)
    if _v678 is not _MISSING and not (_s679(_v678)):
        return False
    _v681 = x.get('spread_lessons', _MISSING)
    if _v681 is not _MISSING and not (_s682(_v681)):
        return False
    _v684 = x.get('targets', _MISSING)
    if _v684 is not _MISSING and not (_s685(_v684)):
        return False
    _v687 = x.get('outcomes', _MISSING)
    if _v687 is not _MISSING and not (_s688(_v687)):
        return False
    _v690 = x.get('support', _MISSING)
    if _v690 is not _MISSING and not (_d_Support(_v690)):
        return False
    _v691 = x.get('glossary', _MISSING)
    if _v691 is not _MISSING and not (_s692(_v691)):
        return False
    _v694 = x.get('references', _MISSING)
    if _v694 is not _MISSING and not (_s695(_v694)):
        return False
    _v697 = x.get('not_applicable', _MISSING)
    if _v697 is not _MISSING and not (_s698(_v697)):
        return False
    if not _c700.issuperset(x):
        return False
    if _s702(x):
        if isinstance(x, dict):
            if not ('licence' in x and 'pathway' in x and 'fidelity' in x):
                return False
            _v706 = x.get('pathway', _MISSING)
            if _v706 is not _MISSING and not (_s707(_v706)):
                return False
    return True


DEFS = {'AdaptableElement': _d_AdaptableElement, 'AdoptionFigure': _d_AdoptionFigure, 'AlternativeForm': _d_AlternativeForm, 'Anchor': _d_Anchor, 'AssessmentUnit': _d_AssessmentUnit, 'Audience': _d_Audience, 'Band': _d_Band, 'Basis': _d_Basis, 'Certainty': _d_Certainty, 'Choice': _d_Choice, 'ChoiceRule': _d_ChoiceRule, 'Complexity': _d_Complexity, 'ComplexityLevel': _d_ComplexityLevel, 'Component': _d_Component, 'Contact': _d_Contact, 'CoreElement': _d_CoreElement, 'Criterion': _d_Criterion, 'DataSource': _d_DataSource, 'Delivery': _d_Delivery, 'DeliveryFormat': _d_DeliveryFormat, 'DeliveryMode': _d_DeliveryMode, 'DomainRating': _d_DomainRating, 'Endpoint': _d_Endpoint, 'Evidence': _d_Evidence, 'EvidenceDirection': _d_EvidenceDirection, 'EvidenceKind': _d_EvidenceKind, 'Fidelity': _d_Fidelity, 'FidelityDimension': _d_FidelityDimension, 'FidelityResult': _d_FidelityResult, 'FrameContext': _d_FrameContext, 'FrameDecider': _d_FrameDecider, 'FrameFidelity': _d_FrameFidelity, 'FrameGoal': _d_FrameGoal, 'FrameLevel': _d_FrameLevel, 'FrameNature': _d_FrameNature, 'FramePlanned': _d_FramePlanned, 'FrameReasonLevel': _d_FrameReasonLevel, 'FrameWhat': _d_FrameWhat, 'FrameWhen': _d_FrameWhen, 'Funding': _d_Funding, 'FundingKind': _d_FundingKind, 'GlossaryTerm': _d_GlossaryTerm, 'GroupSize': _d_GroupSize, 'Guardrail': _d_Guardrail, 'Guidance': _d_Guidance, 'GuidanceStance': _d_GuidanceStance, 'Instrument': _d_Instrument, 'Licence': _d_Licence, 'Lineage': _d_Lineage, 'LocalAdaptation': _d_LocalAdaptation, 'Material': _d_Material, 'ModeDetail': _d_ModeDetail, 'Modification': _d_Modification, 'ModificationTarget': _d_ModificationTarget, 'NotApplicable': _d_NotApplicable, 'Obligation': _d_Obligation, 'ObligationKind': _d_ObligationKind, 'Option': _d_Option, 'Organisation': _d_Organisation, 'Origin': _d_Origin, 'Outcome': _d_Outcome, 'Party': _d_Party, 'PartyEntry': _d_PartyEntry, 'PermittedAdaptations': _d_PermittedAdaptations, 'Person': _d_Person, 'Phase': _d_Phase, 'Population': _d_Population, 'PreviousHolder': _d_PreviousHolder, 'Procedure': _d_Procedure, 'Proscribed': _d_Proscribed, 'Provenance': _d_Provenance, 'Qualifier': _d_Qualifier, 'Range': _d_Range, 'Rationale': _d_Rationale, 'ReadinessCriterion': _d_ReadinessCriterion, 'Reason': _d_Reason, 'Reference': _d_Reference, 'ReferenceType': _d_ReferenceType, 'Regulation': _d_Regulation, 'Role': _d_Role, 'Scale': _d_Scale, 'ScaleKind': _d_ScaleKind, 'Setting': _d_Setting, 'SpreadApproach': _d_SpreadApproach, 'SpreadLesson': _d_SpreadLesson, 'SpreadModel': _d_SpreadModel, 'Status': _d_Status, 'Step': _d_Step, 'Support': _d_Support, 'Target': _d_Target, 'TechComponent': _d_TechComponent, 'Technology': _d_Technology, 'Tier': _d_Tier, 'Variant': _d_Variant, 'Verdict': _d_Verdict}


__all__ = ['accepts', 'DEFS', 'MODELS_DIGEST']
