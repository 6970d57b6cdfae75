/**
 * Our document for the persisted query `ds-query-v2`: the operations integrators call by name
 * (`getDemarche`, `getGroupeInstructeur`, `getDossier`, `getDemarcheDescriptor`), with the reference's variables
 * (`include*` switches, pagination and filters) and answers of the reference's shape (same
 * fields, same aliases). Written for our schema: fields the schema does not have yet are left out
 * and listed in docs/api.md (« Persisted queries »). persisted.test.ts runs every operation against a
 * seeded database.
 */
export const DS_QUERY_V2 = /* GraphQL */ `
query getDemarche(
  $demarcheNumber: Int!
  $state: DossierState
  $order: Order
  $first: Int
  $after: String
  $archived: Boolean
  $revision: ID
  $createdSince: ISO8601DateTime
  $updatedSince: ISO8601DateTime
  $includeGroupeInstructeurs: Boolean = false
  $includeDossiers: Boolean = false
  $includeRevision: Boolean = false
  $includeChamps: Boolean = true
  $includeAnotations: Boolean = true
  $includeTraitements: Boolean = true
  $includeInstructeurs: Boolean = true
  $includeAvis: Boolean = false
  $includeMessages: Boolean = false
  $includeGeometry: Boolean = false
) {
  demarche(number: $demarcheNumber) {
    id
    number
    title
    state
    declarative
    dateCreation
    dateFermeture
    activeRevision @include(if: $includeRevision) {
      ...Revision
    }
    groupeInstructeurs @include(if: $includeGroupeInstructeurs) {
      ...Groupe
    }
    dossiers(
      state: $state
      order: $order
      first: $first
      after: $after
      archived: $archived
      createdSince: $createdSince
      updatedSince: $updatedSince
      revision: $revision
    ) @include(if: $includeDossiers) {
      pageInfo {
        ...Page
      }
      nodes {
        ...DossierFields
      }
    }
  }
}

query getGroupeInstructeur(
  $groupeInstructeurNumber: Int!
  $state: DossierState
  $order: Order
  $first: Int
  $after: String
  $archived: Boolean
  $revision: ID
  $createdSince: ISO8601DateTime
  $updatedSince: ISO8601DateTime
  $includeDossiers: Boolean = false
  $includeChamps: Boolean = true
  $includeAnotations: Boolean = true
  $includeTraitements: Boolean = true
  $includeInstructeurs: Boolean = true
  $includeAvis: Boolean = false
  $includeMessages: Boolean = false
  $includeGeometry: Boolean = false
) {
  groupeInstructeur(number: $groupeInstructeurNumber) {
    id
    number
    label
    instructeurs @include(if: $includeInstructeurs) {
      id
      email
    }
    dossiers(
      state: $state
      order: $order
      first: $first
      after: $after
      archived: $archived
      createdSince: $createdSince
      updatedSince: $updatedSince
      revision: $revision
    ) @include(if: $includeDossiers) {
      pageInfo {
        ...Page
      }
      nodes {
        ...DossierFields
      }
    }
  }
}

query getDossier(
  $dossierNumber: Int!
  $includeRevision: Boolean = false
  $includeChamps: Boolean = true
  $includeAnotations: Boolean = true
  $includeTraitements: Boolean = true
  $includeInstructeurs: Boolean = true
  $includeAvis: Boolean = false
  $includeMessages: Boolean = false
  $includeGeometry: Boolean = false
) {
  dossier(number: $dossierNumber) {
    ...DossierFields
    demarche {
      ...Descriptor
    }
  }
}

query getDemarcheDescriptor($demarche: FindDemarcheInput!, $includeRevision: Boolean = false) {
  demarcheDescriptor(demarche: $demarche) {
    ...Descriptor
  }
}

fragment DossierFields on Dossier {
  id
  number
  archived
  state
  dateDerniereModification
  dateDepot
  datePassageEnConstruction
  datePassageEnInstruction
  dateTraitement
  motivation
  pdf {
    url
  }
  usager {
    email
  }
  groupeInstructeur {
    ...Groupe
  }
  prenomMandataire
  nomMandataire
  deposeParUnTiers
  connectionUsager
  demandeur {
    __typename
    ... on PersonnePhysique {
      civilite
      nom
      prenom
      dateDeNaissance
    }
    ... on PersonneMorale {
      siret
      siegeSocial
      naf
      libelleNaf
      address {
        label
        type
        streetAddress
        streetNumber
        streetName
        postalCode
        cityName
        cityCode
        departmentName
        departmentCode
        regionName
        regionCode
      }
      entreprise {
        siren
        capitalSocial
        numeroTvaIntracommunautaire
        formeJuridique
        formeJuridiqueCode
        nomCommercial
        raisonSociale
        siretSiegeSocial
        codeEffectifEntreprise
        dateCreation
        nom
        prenom
      }
      association {
        rna
        titre
        objet
        dateCreation
        dateDeclaration
        datePublication
      }
    }
    ... on PersonneMoraleIncomplete {
      siret
    }
  }
  demarche {
    revision {
      id
    }
  }
  instructeurs @include(if: $includeInstructeurs) {
    id
    email
  }
  traitements @include(if: $includeTraitements) {
    state
    emailAgentTraitant
    dateTraitement
    motivation
  }
  champs @include(if: $includeChamps) {
    ...Value
    ...NestedValue
  }
  annotations @include(if: $includeAnotations) {
    ...Value
    ...NestedValue
  }
  avis @include(if: $includeAvis) {
    id
    question
    reponse
    dateQuestion
    dateReponse
    claimant {
      email
    }
    expert {
      email
    }
    attachments {
      ...Attachment
    }
  }
  messages @include(if: $includeMessages) {
    id
    email
    body
    createdAt
    attachments {
      ...Attachment
    }
  }
}

fragment Groupe on GroupeInstructeur {
  id
  number
  label
  instructeurs @include(if: $includeInstructeurs) {
    id
    email
  }
}

fragment Descriptor on DemarcheDescriptor {
  id
  number
  title
  description
  state
  declarative
  dateCreation
  datePublication
  dateDerniereModification
  dateDepublication
  dateFermeture
  demarcheUrl
  revision @include(if: $includeRevision) {
    ...Revision
  }
}

fragment Revision on Revision {
  id
  datePublication
  champDescriptors {
    ...FieldDescriptor
    ... on RepetitionChampDescriptor {
      champDescriptors {
        ...FieldDescriptor
      }
    }
  }
  annotationDescriptors {
    ...FieldDescriptor
    ... on RepetitionChampDescriptor {
      champDescriptors {
        ...FieldDescriptor
      }
    }
  }
}

fragment FieldDescriptor on ChampDescriptor {
  __typename
  id
  label
  description
  required
  ... on DropDownListChampDescriptor {
    options
    otherOption
  }
  ... on MultipleDropDownListChampDescriptor {
    options
  }
  ... on LinkedDropDownListChampDescriptor {
    options
  }
  ... on PieceJustificativeChampDescriptor {
    fileTemplate {
      ...Attachment
    }
  }
  ... on ExplicationChampDescriptor {
    collapsibleExplanationEnabled
    collapsibleExplanationText
  }
  ... on PaysChampDescriptor {
    options {
      name
      code
    }
  }
  ... on RegionChampDescriptor {
    options {
      name
      code
    }
  }
  ... on DepartementChampDescriptor {
    options {
      name
      code
    }
  }
}

fragment NestedValue on Champ {
  ... on RepetitionChamp {
    rows {
      champs {
        ...Value
      }
    }
  }
  ... on DossierLinkChamp {
    dossier {
      id
      number
      state
    }
  }
}

fragment Value on Champ {
  id
  __typename
  label
  stringValue
  columns {
    ...Column
  }
  ... on DateChamp {
    date
  }
  ... on DatetimeChamp {
    datetime
  }
  ... on CheckboxChamp {
    checked: value
  }
  ... on DecimalNumberChamp {
    decimalNumber: value
  }
  ... on IntegerNumberChamp {
    integerNumber: value
  }
  ... on CiviliteChamp {
    civilite: value
  }
  ... on LinkedDropDownListChamp {
    primaryValue
    secondaryValue
  }
  ... on MultipleDropDownListChamp {
    values
  }
  ... on PieceJustificativeChamp {
    files {
      ...Attachment
    }
  }
  ... on AddressChamp {
    address {
      label
      type
      streetAddress
      streetNumber
      streetName
      postalCode
      cityName
      cityCode
      departmentName
      departmentCode
      regionName
      regionCode
    }
  }
  ... on CommuneChamp {
    commune {
      name
      code
    }
    departement {
      name
      code
    }
  }
  ... on DepartementChamp {
    departement {
      name
      code
    }
  }
  ... on RegionChamp {
    region {
      name
      code
    }
  }
  ... on PaysChamp {
    pays {
      name
      code
    }
  }
  ... on CarteChamp {
    geoAreas {
      ...GeoArea
    }
  }
}

fragment GeoArea on GeoArea {
  id
  source
  description
  geometry @include(if: $includeGeometry) {
    type
    coordinates
  }
  ... on ParcelleCadastrale {
    commune
    numero
    section
    prefixe
    surface
  }
}

fragment Column on Column {
  __typename
  id
  label
  stringValue
  ... on TextColumn {
    value
  }
  ... on IntegerColumn {
    value
  }
  ... on DecimalColumn {
    value
  }
  ... on DateColumn {
    value
  }
  ... on DateTimeColumn {
    value
  }
  ... on BooleanColumn {
    value
  }
  ... on EnumColumn {
    value
  }
  ... on EnumsColumn {
    value
  }
  ... on AttachmentsColumn {
    value {
      ...Attachment
    }
  }
}

fragment Attachment on File {
  filename
  contentType
  checksum
  byteSize: byteSizeBigInt
  url
}

fragment Page on PageInfo {
  hasPreviousPage
  hasNextPage
  endCursor
}
`;
