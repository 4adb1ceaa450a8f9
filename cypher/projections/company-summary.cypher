c {
  .*,
  roles: [role IN labels(c) WHERE role IN ['Manufacturer', 'OpticsPartner']]
}
