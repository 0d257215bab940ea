package main

// adminRouteTable lists the account-management routes (admins only).
func (a *app) adminRouteTable() []route {
	return nil
}
